/*
 * page-ref-leak, negative: a try-get helper. A function that takes a
 * reference on the caller's page (or its head) and returns a positive
 * status on the path that took it -- "return 1", or the acquisition's own
 * result as in "return get_page_unless_zero(page) ? 1 : 0" -- hands the
 * reference to its caller, which learns from the status whether it holds
 * one (6.1 hwpoison's __get_hwpoison_page() and __get_unpoison_page(),
 * group B7). The same reference taken on a page the function looked up
 * itself, or kept on a path that returns 0 or an errno, is still a leak.
 */
#include <linux/mm.h>

int try_get_head(struct page *page)
{
	struct page *head = compound_head(page);

	if (PageReserved(head))
		return -EBUSY;
	if (get_page_unless_zero(head)) {
		if (head == compound_head(page))
			return 1;
		put_page(head);
	}
	return 0;
}

int try_get_status(struct page *page)
{
	if (PageHWPoison(page))
		return -EIO;
	return get_page_unless_zero(page) ? 1 : 0;
}

bool try_get_bool(struct page *page)
{
	if (!get_page_unless_zero(page))
		return false;
	return true;
}

int try_get_then_zero(struct page *page)
{
	if (get_page_unless_zero(page))	/* expect-note: {{reference taken here}} */
		return 0;		/* expect-warning: page-ref-leak {{not released}} */
	return -EBUSY;
}

int try_get_then_errno(struct page *page)
{
	if (get_page_unless_zero(page)) {	/* expect-note: {{reference taken here}} */
		if (PageHWPoison(page))
			return -EIO;	/* expect-warning: page-ref-leak {{not released}} */
		put_page(page);
	}
	return 1;
}

int lookup_and_get(unsigned long pfn)
{
	struct page *page = pfn_to_online_page(pfn);

	if (!page)
		return 0;
	if (get_page_unless_zero(page))	/* expect-note: {{reference taken here}} */
		return 1;		/* expect-warning: page-ref-leak {{not released}} */
	return 0;
}
