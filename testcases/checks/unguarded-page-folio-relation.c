/*
 * page-unguarded-deref, positive. page_folio() (a _Generic macro around
 * _compound_head()) is not itself counted as a use: it relates the folio to
 * the page, and the folio has the page's state and origin. The first use is
 * folio_test_lru() on the folio; the later PageLRU() on the page is the same
 * obtained page and is not reported again.
 */
#include <linux/mm.h>

bool pfn_lru_folio(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);	/* expect-note: {{page obtained here from pfn_to_page()}} */
	struct folio *folio = page_folio(page);

	if (!folio_test_lru(folio))		/* expect-warning: page-unguarded-deref {{comes from an arbitrary pfn and is used by folio_test_lru()}} */
		return false;
	return PageLRU(page);
}
