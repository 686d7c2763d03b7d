/*
 * page-ref-leak, negative. The GUP return-value checks that mean "nothing is
 * held": `ret <= 0`, `ret < 0` followed by `ret == 0` or `!ret`; and the
 * partial result (ret < nr) released before the error return, with
 * release_pages() for references and unpin_user_pages() for pins -- the
 * vfio/io_uring error ladders.
 */
#include <linux/mm.h>

extern int consume(struct page **pages, long n);

int gup_le_zero(unsigned long uaddr, int nr)
{
	struct page *pages[8];
	int ret, err;

	if (nr > 8)
		return -EINVAL;
	ret = get_user_pages_fast(uaddr, nr, 0, pages);
	if (ret <= 0)
		return ret;
	if (ret < nr) {
		release_pages(pages, ret);
		return -EFAULT;
	}
	err = consume(pages, ret);
	release_pages(pages, ret);
	return err;
}

long pin_lt_zero_then_eq_zero(unsigned long uaddr, unsigned long nr)
{
	struct page *pages[8];
	long ret, err;

	if (nr > 8)
		return -EINVAL;
	ret = pin_user_pages(uaddr, nr, FOLL_WRITE, pages, NULL);
	if (ret < 0)
		return ret;
	if (ret == 0)
		return -EFAULT;
	if (ret < nr) {
		unpin_user_pages(pages, ret);
		return -EFAULT;
	}
	err = consume(pages, ret);
	unpin_user_pages_dirty_lock(pages, ret, true);
	return err;
}

int pin_not_ret(unsigned long uaddr)
{
	struct page *page;
	int ret;

	ret = pin_user_pages_fast(uaddr, 1, 0, &page);
	if (ret < 0)
		return ret;
	if (!ret)
		return -EFAULT;
	ret = PageAnon(page);
	unpin_user_page(page);
	return ret;
}
