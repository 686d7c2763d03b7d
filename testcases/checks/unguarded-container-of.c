/*
 * page-unguarded-deref, positive. container_of() (a statement expression
 * with a void * local and offsetof arithmetic) moves from the page to the
 * folio that contains it: the relation is kept and the folio is arbitrary.
 */
#include <linux/mm.h>

unsigned long pfn_folio_index(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);	/* expect-note: {{page obtained here from pfn_to_page()}} */
	struct folio *folio;

	folio = container_of(page, struct folio, page);
	return folio->index;			/* expect-warning: page-unguarded-deref {{comes from an arbitrary pfn and is used by '->index'}} */
}
