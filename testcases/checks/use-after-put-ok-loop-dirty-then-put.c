/*
 * page-use-after-put, negative. The canonical release loop of a GUP array:
 * each element is marked dirty and then put, in that order, in the same
 * iteration -- `for (i...) { set_page_dirty_lock(pages[i]); put_page(pages[i]); }`
 * (drivers before unpin_user_pages_dirty_lock() existed), and the pinned
 * variant with unpin_user_page(). The next iteration uses the next element,
 * not the one just released.
 */
#include <linux/mm.h>

extern int hw_dma_to_pages(struct page **pages, int n);

int dma_into_user_get(unsigned long uaddr, int nr)
{
	struct page *pages[16];
	int ret, i, err;

	if (nr > 16)
		return -EINVAL;
	ret = get_user_pages_fast(uaddr, nr, FOLL_WRITE, pages);
	if (ret <= 0)
		return ret ? ret : -EFAULT;
	err = hw_dma_to_pages(pages, ret);
	for (i = 0; i < ret; i++) {
		SetPageDirty(pages[i]);
		put_page(pages[i]);
	}
	return err;
}

int dma_into_user_pin(unsigned long uaddr, int nr)
{
	struct page *pages[16];
	int ret, i, err;

	if (nr > 16)
		return -EINVAL;
	ret = pin_user_pages_fast(uaddr, nr, FOLL_WRITE, pages);
	if (ret <= 0)
		return ret ? ret : -EFAULT;
	err = hw_dma_to_pages(pages, ret);
	for (i = 0; i < ret; i++) {
		set_page_dirty_lock(pages[i]);
		unpin_user_page(pages[i]);
	}
	return err;
}
