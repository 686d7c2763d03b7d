/*
 * page-ref-leak, negative. GUP into the caller's array, then the returns
 * the caller's contract allows: the count (a partial result is the
 * caller's to release, as get_user_pages_fast() itself does), 0 or a
 * positive value, an error after unpin_user_pages() of what was got (the
 * io_uring/vfio idiom) or after a release loop, and an error when nothing
 * was pinned.
 */
#include <linux/mm.h>

extern int check_range(unsigned long addr, int n);

int pin_count(unsigned long addr, int nr, struct page **pages)
{
	int ret = pin_user_pages_fast(addr, nr, FOLL_WRITE, pages);

	if (ret <= 0)
		return ret ? ret : -EFAULT;
	return ret;
}

int pin_ok_or_zero(unsigned long addr, int nr, struct page **pages)
{
	int ret = pin_user_pages_fast(addr, nr, FOLL_WRITE, pages);

	if (ret < 0)
		return ret;
	if (check_range(addr, ret))
		return 0;
	return 1;
}

int pin_all_or_nothing(unsigned long addr, int nr, struct page **pages)
{
	int ret = pin_user_pages_fast(addr, nr, FOLL_WRITE, pages);

	if (ret == nr)
		return nr;
	if (ret >= 0) {
		if (ret)
			unpin_user_pages(pages, ret);
		ret = -EFAULT;
	}
	return ret;
}

int get_or_release(unsigned long addr, int nr, struct page **pages)
{
	int ret = get_user_pages_fast(addr, nr, 0, pages);
	int i;

	if (ret < 0)
		return ret;
	if (check_range(addr, ret)) {
		for (i = 0; i < ret; i++)
			put_page(pages[i]);
		return -EINVAL;
	}
	return ret;
}

void *pin_or_err(unsigned long addr, int nr, struct page **pages)
{
	int ret = pin_user_pages_fast(addr, nr, FOLL_WRITE, pages);

	if (ret < 0)
		return ERR_PTR(ret);
	if (ret < nr) {
		unpin_user_pages(pages, ret);
		return ERR_PTR(-EFAULT);
	}
	return pages;
}
