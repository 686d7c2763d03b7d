/*
 * page-unguarded-deref, positive. A local alias (p2 = page) shares the
 * page's state: using the alias is using the arbitrary page. One obtained
 * page, one warning, at the first use through either name.
 */
#include <linux/mm.h>

bool alias_lru(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);	/* expect-note: {{page obtained here from pfn_to_page()}} */
	struct page *p2;

	p2 = page;
	if (PageLRU(p2))			/* expect-warning: page-unguarded-deref {{comes from an arbitrary pfn and is used by PageLRU()}} */
		return PageActive(page);
	return false;
}
