/*
 * page-unguarded-deref, positive (pfn_valid-only message). The page is
 * tested before the speculative reference is taken -- the classic
 * "if (!PageLRU(page)) continue; if (!get_page_unless_zero(page)) continue;"
 * order in pfn walkers. The reference protects the uses after it, not the
 * PageLRU() before it.
 */
#include <linux/mm.h>

unsigned long isolate_range(unsigned long start, unsigned long end)
{
	unsigned long pfn, n = 0;

	for (pfn = start; pfn < end; pfn++) {
		struct page *page;

		if (!pfn_valid(pfn))		/* expect-note: {{pfn checked only with pfn_valid() here}} */
			continue;
		page = pfn_to_page(pfn);	/* expect-note: {{page obtained here from pfn_to_page()}} */
		if (!PageLRU(page))		/* expect-warning: page-unguarded-deref {{'page' is used by PageLRU() but its pfn was only checked with pfn_valid()}} */
			continue;
		if (!get_page_unless_zero(page))
			continue;
		if (PageUnevictable(page))
			n++;
		put_page(page);
	}
	return n;
}
