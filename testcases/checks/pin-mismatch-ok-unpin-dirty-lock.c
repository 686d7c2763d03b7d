/*
 * page-pin-mismatch, negative. The Direct-IO shape of CASE 1 in
 * Documentation/core-api/pin_user_pages.rst: pin_user_pages_fast() with
 * the flags in a local variable (FOLL_WRITE only when the device writes to
 * memory), and unpin_user_pages_dirty_lock() to mark the pages dirty and
 * drop the pins -- the matching release. The partial result (ret < nr) is
 * unpinned too.
 */
#include <linux/mm.h>

extern int dev_dma(void *dev, struct page **pages, int n, bool to_mem);

int dev_rw_user(void *dev, unsigned long uaddr, int nr, bool to_mem)
{
	struct page *pages[16];
	unsigned int gup_flags = 0;
	int ret, err;

	if (nr > 16)
		return -EINVAL;
	if (to_mem)
		gup_flags |= FOLL_WRITE;
	ret = pin_user_pages_fast(uaddr, nr, gup_flags, pages);
	if (ret <= 0)
		return ret ? ret : -EFAULT;
	if (ret < nr) {
		unpin_user_pages(pages, ret);
		return -EFAULT;
	}
	err = dev_dma(dev, pages, ret, to_mem);
	unpin_user_pages_dirty_lock(pages, ret, to_mem);
	return err;
}
