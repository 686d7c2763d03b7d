/*
 * page-ref-leak, negative. Element-by-element releases count as releasing
 * the array: a put_page() loop over the partial result on the error path
 * (`for (i = 0; i < ret; i++) put_page(pages[i]);`), an unpin_user_page()
 * loop on the pinned variant, and release_pages() on the normal path.
 */
#include <linux/mm.h>

extern int hw_xfer(struct page **pages, int n);

int xfer_user(unsigned long uaddr, int nr)
{
	struct page *pages[16];
	int ret, i, err;

	if (nr > 16)
		return -EINVAL;
	ret = get_user_pages_fast(uaddr, nr, FOLL_WRITE, pages);
	if (ret <= 0)
		return ret;
	if (ret < nr) {
		for (i = 0; i < ret; i++)
			put_page(pages[i]);
		return -EFAULT;
	}
	err = hw_xfer(pages, ret);
	release_pages(pages, ret);
	return err;
}

int xfer_user_pinned(unsigned long uaddr, int nr)
{
	struct page *pages[16];
	int ret, i, err;

	if (nr > 16)
		return -EINVAL;
	ret = pin_user_pages_fast(uaddr, nr, FOLL_WRITE, pages);
	if (ret < 0)
		return ret;
	err = ret < nr ? -EFAULT : hw_xfer(pages, ret);
	for (i = 0; i < ret; i++)
		unpin_user_page(pages[i]);
	return err;
}
