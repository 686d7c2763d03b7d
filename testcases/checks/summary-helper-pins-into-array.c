/*
 * Summaries of helpers that fill their caller's page array with GUP: the
 * caller owns the pins, so releasing them with put_page() is a mismatch
 * (positive), and unpin_user_page() is right (negative).  The helper's
 * result says when the page is there: 0/-errno (grab()), or the count
 * passed on (grab_count()).
 */
#include <linux/mm.h>

static int grab(unsigned long addr, struct page **pp)
{
	if (pin_user_pages_fast(addr, 1, FOLL_WRITE, pp) != 1)
		return -EFAULT;
	return 0;
}

static int grab_count(unsigned long addr, struct page **pp)
{
	return pin_user_pages_fast(addr, 1, FOLL_WRITE, pp);
}

int put_wrong(unsigned long addr)
{
	struct page *page;

	if (grab(addr, &page))			/* expect-note: {{pinned here}} */
		return -EFAULT;
	put_page(page);				/* expect-warning: page-pin-mismatch {{}} */
	return 0;
}

int unpin_right(unsigned long addr)
{
	struct page *page;

	if (grab(addr, &page))
		return -EFAULT;
	unpin_user_page(page);
	return 0;
}

int count_wrong(unsigned long addr)
{
	struct page *page;

	if (grab_count(addr, &page) <= 0)	/* expect-note: {{pinned here}} */
		return -EFAULT;
	put_page(page);				/* expect-warning: page-pin-mismatch {{}} */
	return 0;
}
