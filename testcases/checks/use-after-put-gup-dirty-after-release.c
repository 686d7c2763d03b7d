/*
 * page-use-after-put, positive. The pages of a get_user_pages_fast() array
 * are released in a loop and only afterwards marked dirty -- the wrong
 * order; set_page_dirty_lock() must come before put_page() (or use
 * unpin_user_pages_dirty_lock() with pins). The array is one object: the
 * loop released it, the later use of an element is after the put.
 */
#include <linux/mm.h>

extern int hw_dma_to_pages(struct page **pages, int n);

int dma_into_user(unsigned long uaddr, int nr)
{
	struct page *pages[16];
	int ret, i, err;

	if (nr > 16)
		return -EINVAL;
	ret = get_user_pages_fast(uaddr, nr, FOLL_WRITE, pages);	/* expect-note: {{page obtained here from get_user_pages_fast()}} */
	if (ret <= 0)
		return ret ? ret : -EFAULT;
	err = hw_dma_to_pages(pages, ret);
	for (i = 0; i < ret; i++)
		put_page(pages[i]);					/* expect-note: {{reference dropped here}} */
	for (i = 0; i < ret; i++)
		set_page_dirty(pages[i]);				/* expect-warning: page-use-after-put {{'pages' is used by set_page_dirty() after put_page() dropped the reference this code held}} */
	return err;
}
