/*
 * page-unguarded-deref, positive. folio_page(folio, n) and &folio->page keep
 * the relation with the folio obtained from pfn_folio(): neither is a use,
 * and the page they give is as arbitrary as the folio.
 */
#include <linux/mm.h>

bool third_page_poisoned(unsigned long pfn)
{
	struct folio *folio = pfn_folio(pfn);	/* expect-note: {{page obtained here from pfn_folio()}} */
	struct page *page = folio_page(folio, 2);
	struct page *head = &folio->page;

	if (PageHWPoison(page))			/* expect-warning: page-unguarded-deref {{comes from an arbitrary pfn and is used by PageHWPoison()}} */
		return true;
	return PageHWPoison(head);
}
