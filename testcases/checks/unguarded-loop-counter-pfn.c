/*
 * page-unguarded-deref, positive. A pfn walker: the loop counter is not a
 * known-safe pfn, so every page of the walk is arbitrary. The page comes
 * from one source call, so the walk gets one warning (at the first use in
 * source order), not one per iteration nor one per use.
 */
#include <linux/mm.h>

unsigned long count_reserved(unsigned long start_pfn, unsigned long end_pfn)
{
	unsigned long pfn, nr = 0;

	for (pfn = start_pfn; pfn < end_pfn; pfn++) {
		struct page *page = pfn_to_page(pfn);	/* expect-note: {{page obtained here from pfn_to_page()}} */

		if (PageReserved(page))			/* expect-warning: page-unguarded-deref {{'page' comes from an arbitrary pfn and is used by PageReserved()}} */
			nr++;
		else if (PageSlab(page))
			nr += 2;
	}
	return nr;
}
