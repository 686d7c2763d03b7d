/*
 * page-unguarded-deref, negative.  pfn_to_online_page() used as a yes/no
 * test, then pfn_to_page() of the same pfn (mm/memory_hotplug.c
 * find_smallest_section_pfn()): the non-NULL branch makes the pfn online.
 * A false positive of the first kernel triage.
 */
#include <linux/mm.h>
#include <linux/memory_hotplug.h>

unsigned long first_in_zone(struct zone *zone, unsigned long pfn, unsigned long end_pfn)
{
	for (; pfn < end_pfn; pfn++) {
		if (!pfn_to_online_page(pfn))
			continue;
		if (zone != page_zone(pfn_to_page(pfn)))
			continue;
		return pfn;
	}
	return 0;
}

bool online_and_lru(unsigned long pfn)
{
	struct page *page = pfn_to_online_page(pfn);

	if (!page)
		return false;
	return PageLRU(pfn_to_page(pfn));
}
