unsigned long stats_total;

void stats_add(unsigned long n)
{
	stats_total += n;
}
