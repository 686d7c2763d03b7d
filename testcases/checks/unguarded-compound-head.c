/*
 * page-unguarded-deref, positive. compound_head() reads page->compound_head
 * to find the head page; the rules list it as a consumer (unlike
 * page_folio(), which is modelled as a relation although it expands to the
 * same _compound_head() call). The macro casts with typeof().
 */
#include <linux/mm.h>

struct page *pfn_head(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);	/* expect-note: {{page obtained here from pfn_to_page()}} */

	return compound_head(page);		/* expect-warning: page-unguarded-deref {{compound_head()}} */
}
