/*
 * page-rcu-escape, negative. Each loop iteration opens its own read-side
 * section, checks pfn_active() inside it, and uses the page only there; a
 * second pass re-checks pfn_active() in a fresh section before using the
 * pfn again.
 */
#include <linux/mm.h>
#include <linux/rcupdate.h>

unsigned long two_passes(unsigned long start, unsigned long end)
{
	unsigned long pfn, n = 0;

	for (pfn = start; pfn < end; pfn++) {
		rcu_read_lock();
		if (pfn_active(pfn) && PageReserved(pfn_to_page(pfn)))
			n++;
		rcu_read_unlock();
	}
	for (pfn = start; pfn < end; pfn++) {
		struct page *page;

		rcu_read_lock();
		if (!pfn_active(pfn)) {
			rcu_read_unlock();
			continue;
		}
		page = pfn_to_page(pfn);
		if (PageHWPoison(page))
			n++;
		rcu_read_unlock();
	}
	return n;
}
