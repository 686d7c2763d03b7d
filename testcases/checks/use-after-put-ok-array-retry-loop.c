/*
 * page-use-after-put, negative (kernel: mm/gup.c
 * __gup_longterm_locked()).  A caller's page array released whole inside a
 * retry loop is refilled by calls the model does not see through: a page
 * array is one abstract value, so a second release of it in a loop is not
 * reported as a double put.
 */
#include <linux/mm.h>

extern long refill(struct page **pages, long n);

long retry_pin(struct page **pages, long n)
{
	long ret;

	do {
		ret = refill(pages, n);
		if (ret <= 0)
			break;
		unpin_user_pages(pages, ret);
	} while (n--);
	return ret;
}
