#include "walk.h"

unsigned long scan_reserved(unsigned long start, unsigned long end)
{
	unsigned long pfn, n = 0;

	for (pfn = start; pfn < end; pfn++) {
		struct page *page = walk_pfn_to_page(pfn);

		if (!page)
			continue;
		if (PageReserved(page))
			n++;
	}
	return n;
}
