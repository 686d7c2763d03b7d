unsigned long stats_total;

void stats_add(unsigned long n)
{
	stats_total += n;
}

void stats_reset(void)
{
	stats_total = 0;
}
