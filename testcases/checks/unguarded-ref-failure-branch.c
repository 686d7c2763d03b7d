/*
 * page-unguarded-deref, positive. get_page_unless_zero() protects only its
 * true branch. Using the page in the failure branch (for a debug message),
 * or after "if (get_page_unless_zero(page)) return" (wrong polarity), or in
 * the else of a stored result, is unguarded. Three pages, three warnings.
 */
/* pagelife-args: --checks=-page-ref-leak
 * (this case is about page-unguarded-deref; its references are not the point) */
#include <linux/mm.h>

int failure_branch(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);	/* expect-note: {{page obtained here from pfn_to_page()}} */

	if (!get_page_unless_zero(page)) {
		pr_info("pfn %lu busy, flags %lx\n", pfn,
			page->flags);		/* expect-warning: page-unguarded-deref {{'page' comes from an arbitrary pfn and is used by '->flags'}} */
		return -EBUSY;
	}
	put_page(page);
	return 0;
}

int wrong_polarity(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);	/* expect-note: {{page obtained here from pfn_to_page()}} */

	if (get_page_unless_zero(page))
		return 0;
	return PageLRU(page);			/* expect-warning: page-unguarded-deref {{'page' comes from an arbitrary pfn and is used by PageLRU()}} */
}

int stored_else(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);	/* expect-note: {{page obtained here from pfn_to_page()}} */
	bool got = try_get_page(page);
	int ret;

	if (got) {
		ret = PageDirty(page);
		put_page(page);
	} else {
		ret = PageLocked(page);		/* expect-warning: page-unguarded-deref {{'page' comes from an arbitrary pfn and is used by PageLocked()}} */
	}
	return ret;
}
