/*
 * page-unguarded-deref, positive. READ_ONCE(page->flags) expands to a
 * volatile load inside a statement expression (and a _Generic for the
 * type); it reads the struct page all the same.
 */
#include <linux/mm.h>

unsigned long racy_flags(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);	/* expect-note: {{page obtained here from pfn_to_page()}} */

	return READ_ONCE(page->flags);		/* expect-warning: page-unguarded-deref {{comes from an arbitrary pfn}} */
}
