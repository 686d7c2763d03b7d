/*
 * page-use-after-put and summaries (kernel: mm/memory-failure.c
 * try_to_split_thp_page() and soft_offline_in_use_page()).  The helper
 * puts the page only when the split fails, and returns non-zero exactly
 * then: it is summarised as a release when the result is non-zero.  A
 * caller that returns on failure keeps using its page; one that uses the
 * page on the failure branch, or ignores the result, is reported.
 */
#include <linux/mm.h>

extern int split_huge_page(struct page *page);

static int try_split(struct page *page)
{
	int ret;

	lock_page(page);
	ret = split_huge_page(page);
	unlock_page(page);
	if (unlikely(ret))
		put_page(page);
	return ret;
}

int offline_checked(struct page *page)
{
	if (try_split(page))
		return -EBUSY;
	lock_page(page);
	unlock_page(page);
	put_page(page);
	return 0;
}

int offline_uses_on_failure(struct page *page)
{
	if (try_split(page) < 0)		/* expect-note: {{reference dropped here}} */
		SetPageReferenced(page);	/* expect-warning: page-use-after-put {{'page' is used by SetPageReferenced() after try_split() dropped the reference}} */
	return 0;
}

int offline_unchecked(struct page *page)
{
	try_split(page);			/* expect-note: {{reference dropped here}} */
	SetPageReferenced(page);		/* expect-warning: page-use-after-put {{after try_split() dropped the reference}} */
	return 0;
}
