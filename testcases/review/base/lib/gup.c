#include <linux/mm.h>

extern int dev_dma(void *dev, struct page **pages, int nr, bool to_mem);

int dev_read_user(void *dev, unsigned long uaddr, int nr)
{
	struct page *pages[16];
	int ret, err;

	if (nr > 16)
		return -EINVAL;
	ret = pin_user_pages_fast(uaddr, nr, FOLL_WRITE, pages);
	if (ret <= 0)
		return ret ? ret : -EFAULT;
	err = dev_dma(dev, pages, ret, true);
	unpin_user_pages(pages, ret);
	return err;
}
