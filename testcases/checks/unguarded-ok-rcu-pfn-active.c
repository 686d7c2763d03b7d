/*
 * page-unguarded-deref and page-rcu-escape, negative. The protocol proposed
 * in seed pfn-to-online-page-zone-device-rcu-pfn-active, verbatim in shape:
 *	rcu_read_lock(); if (pfn_active(pfn)) { page = pfn_to_page(pfn); use; }
 *	rcu_read_unlock();
 * and its loop form with "if (!pfn_active(pfn)) continue;". All uses are
 * inside the read-side section.
 */
#include <linux/mm.h>
#include <linux/rcupdate.h>

bool active_reserved(unsigned long pfn)
{
	struct page *page;
	bool ret = false;

	/* the memmap is guaranteed to remain active under RCU */
	rcu_read_lock();
	if (pfn_active(pfn)) {
		page = pfn_to_page(pfn);
		ret = PageReserved(page) && page_zonenum(page) != ZONE_DEVICE;
	}
	rcu_read_unlock();
	return ret;
}

unsigned long count_lru_active(unsigned long start, unsigned long end)
{
	unsigned long pfn, n = 0;

	rcu_read_lock();
	for (pfn = start; pfn < end; pfn++) {
		struct page *page;

		if (!pfn_active(pfn))
			continue;
		page = pfn_to_page(pfn);
		if (PageLRU(page))
			n++;
	}
	rcu_read_unlock();
	return n;
}
