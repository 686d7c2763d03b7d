/*
 * page-unguarded-deref, positive. A pfn loaded from a structure (here the
 * zone span) plus an offset is not known safe: zones have holes and offline
 * sections. A while loop with continue and an early break.
 */
#include <linux/mm.h>

long first_free_in_zone(struct zone *zone, unsigned long max_scan)
{
	unsigned long i = 0;

	while (i < max_scan) {
		unsigned long pfn = zone->zone_start_pfn + i;
		struct page *page;

		i++;
		if (pfn >= zone_end_pfn(zone))
			break;
		page = pfn_to_page(pfn);		/* expect-note: {{page obtained here from pfn_to_page()}} */
		if (page_ref_count(page))		/* expect-warning: page-unguarded-deref {{used by page_ref_count()}} */
			continue;
		return pfn;
	}
	return -1;
}
