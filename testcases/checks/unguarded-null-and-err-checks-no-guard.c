/*
 * page-unguarded-deref, positive. NULL and IS_ERR() checks refine "no page"
 * branches but are no guarantee: pfn_to_page() never fails, and a non-NULL
 * page of an arbitrary pfn is still arbitrary. Forms: if (!page),
 * if (page == NULL), if (unlikely(!page)), if (IS_ERR(page)).
 */
#include <linux/mm.h>

int null_checked(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);	/* expect-note: {{page obtained here from pfn_to_page()}} */

	if (!page)
		return -EINVAL;
	if (page == NULL)
		return -EINVAL;
	if (unlikely(!page))
		return -EINVAL;
	return PageReserved(page);		/* expect-warning: page-unguarded-deref {{comes from an arbitrary pfn and is used by PageReserved()}} */
}

long err_checked(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);	/* expect-note: {{page obtained here from pfn_to_page()}} */

	if (IS_ERR(page))
		return PTR_ERR(page);
	return page_count(page);		/* expect-warning: page-unguarded-deref {{comes from an arbitrary pfn and is used by page_count()}} */
}
