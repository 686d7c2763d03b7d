/*
 * page-unguarded-deref, positive. The other dereference forms: a unary '*'
 * (copying the whole struct page) and a subscript '[]' on a page pointer
 * from an arbitrary pfn, in two functions, each with its own obtained page.
 */
#include <linux/mm.h>

void snapshot_page(unsigned long pfn, struct page *out)
{
	struct page *page = pfn_to_page(pfn);	/* expect-note: {{page obtained here from pfn_to_page()}} */

	*out = *page;				/* expect-warning: page-unguarded-deref {{'page' comes from an arbitrary pfn and is used by '*'}} */
}

unsigned long second_page_flags(unsigned long pfn)
{
	struct page *pages = pfn_to_page(pfn);	/* expect-note: {{page obtained here from pfn_to_page()}} */

	return pages[1].flags;			/* expect-warning: page-unguarded-deref {{'pages' comes from an arbitrary pfn and is used by '[]'}} */
}
