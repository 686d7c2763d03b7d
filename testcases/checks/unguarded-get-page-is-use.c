/*
 * page-unguarded-deref, positive. get_page() on a page from an arbitrary
 * pfn is itself a use: it increments the refcount of memory that may be an
 * uninitialised or removed memmap. Only a speculative get_page_unless_zero()
 * (checked) may be tried on a page we do not already hold.
 */
#include <linux/mm.h>

struct page *grab_pfn(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);	/* expect-note: {{page obtained here from pfn_to_page()}} */

	get_page(page);				/* expect-warning: page-unguarded-deref {{'page' comes from an arbitrary pfn and is used by get_page()}} */
	return page;
}
