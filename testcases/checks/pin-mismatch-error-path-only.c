/*
 * page-pin-mismatch, positive. A goto error ladder in the style of the
 * vfio/io_uring/ib_umem registration paths: the normal and the "map failed"
 * paths unpin correctly, but the "short pin" label, written when the code
 * still used get_user_pages(), drops the partial result with a put_page()
 * loop. Only that path is wrong; that is where the finding is. The partial
 * result (pinned < npages) still holds `pinned` pins.
 */
#include <linux/mm.h>

#define UMEM_BATCH 32

extern int umem_map(void *dev, struct page **pages, long n);

int umem_pin_and_map(void *dev, unsigned long uaddr, unsigned long npages)
{
	struct page *tmp[UMEM_BATCH];
	unsigned int gup_flags = FOLL_WRITE | FOLL_LONGTERM;
	long pinned, i;
	int ret;

	if (npages > UMEM_BATCH)
		return -EINVAL;
	pinned = pin_user_pages_unlocked(uaddr, npages, tmp, gup_flags);	/* expect-note: {{pinned here by pin_user_pages_unlocked()}} */
	if (pinned < 0)
		return (int)pinned;
	if (pinned < npages) {
		ret = -EFAULT;
		goto err_put;
	}
	ret = umem_map(dev, tmp, pinned);
	if (ret)
		goto err_unpin;
	unpin_user_pages(tmp, pinned);
	return 0;

err_unpin:
	unpin_user_pages(tmp, pinned);
	return ret;
err_put:
	for (i = 0; i < pinned; i++)
		put_page(tmp[i]);	/* expect-warning: page-pin-mismatch {{'tmp' holds a FOLL_PIN pin from pin_user_pages_unlocked() but is released with put_page()}} */
	return ret;
}
