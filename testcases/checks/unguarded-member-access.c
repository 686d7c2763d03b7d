/*
 * page-unguarded-deref, positive. A member access through '->' on a page
 * from an arbitrary pfn is a use, just like a flag-test helper; the message
 * names the member. The later page_count() of the same page is not reported
 * again (one warning per obtained page, at the first use in source order).
 */
#include <linux/mm.h>

unsigned long peek_flags(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);	/* expect-note: {{page obtained here from pfn_to_page()}} */
	unsigned long flags;

	flags = page->flags;			/* expect-warning: page-unguarded-deref {{'page' comes from an arbitrary pfn and is used by '->flags'}} */
	if (page_count(page) > 1)
		flags |= 1;
	return flags;
}
