/*
 * page-ref-leak, positive. GUP straight into the array the caller passed
 * hands the pages to the caller: on success the caller releases them. On
 * an error return it cannot: a negative errno or an ERR_PTR() says nothing
 * about how many pages are in its array, so pins and references this
 * function got and did not release there are leaked (issue 14, item 4).
 * Forms: a constant -EFAULT after a partial pin_user_pages_fast(), an error
 * kept in a variable and returned at a shared label, an ERR_PTR() after
 * get_user_pages_fast().
 */
#include <linux/mm.h>

extern int check_range(unsigned long addr, int n);

int pin_range(unsigned long addr, int nr, struct page **pages)
{
	int ret;

	ret = pin_user_pages_fast(addr, nr, FOLL_WRITE, pages);	/* expect-note: {{pinned here}} */
	if (ret <= 0)
		return ret;
	if (ret < nr)
		return -EFAULT;	/* expect-warning: page-ref-leak {{pages pinned into the caller's array 'pages' by pin_user_pages_fast() are left there on this error return}} */
	return ret;
}

int pin_checked(unsigned long addr, int nr, struct page **pages)
{
	int ret, err;

	ret = pin_user_pages_fast(addr, nr, FOLL_WRITE | FOLL_LONGTERM, pages);	/* expect-note: {{pinned here}} */
	if (ret < 0)
		return ret;
	if (check_range(addr, ret)) {
		err = -EINVAL;
		goto out;
	}
	err = ret;
out:
	return err;	/* expect-warning: page-ref-leak {{pinned into the caller's array 'pages'}} */
}

void *get_range(unsigned long addr, int nr, struct page **pages)
{
	int ret = get_user_pages_fast(addr, nr, 0, pages);	/* expect-note: {{reference taken here}} */

	if (ret < 0)
		return ERR_PTR(ret);
	if (check_range(addr, ret))
		return ERR_PTR(-ENOMEM);	/* expect-warning: page-ref-leak {{pages referenced into the caller's array 'pages' by get_user_pages_fast()}} */
	return pages;
}
