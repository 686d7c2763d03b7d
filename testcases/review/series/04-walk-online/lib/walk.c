#include "walk.h"

/*
 * Walkers over pfn ranges.
 */

unsigned long count_lru(unsigned long start, unsigned long end)
{
	unsigned long pfn, n = 0;

	for (pfn = start; pfn < end; pfn++) {
		struct page *page = pfn_to_online_page(pfn);

		if (!page)
			continue;
		if (PageLRU(page))
			n++;
	}
	return n;
}

unsigned long count_reserved(unsigned long start, unsigned long end)
{
	unsigned long pfn, n = 0;

	for (pfn = start; pfn < end; pfn++) {
		struct page *page = pfn_to_online_page(pfn);

		if (!page)
			continue;
		if (PageReserved(page))
			n++;
	}
	return n;
}
