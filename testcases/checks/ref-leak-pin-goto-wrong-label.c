/*
 * page-ref-leak, positive. A vfio/ib_umem-style goto ladder where one
 * failure jumps to the wrong label: after pin_user_pages_remote()
 * succeeded, the "range is MMIO" branch does `goto out` instead of
 * `goto out_unpin`, so that path returns with the pins still held. Leaked
 * FOLL_LONGTERM pins also make the memory unmovable for good (no hot-unplug,
 * no CMA). The finding is at the return the leaking path reaches; the
 * success path reaches the same return, but through out_unpin.
 */
#include <linux/mm.h>

extern bool range_is_mmio(unsigned long uaddr, unsigned long npages);
extern int hw_sync_dma(void *dev, struct page **pages, long n);

int dma_rw_user(void *dev, struct mm_struct *mm, unsigned long uaddr, unsigned long npages)
{
	struct page *pages[64];
	unsigned int flags = FOLL_WRITE | FOLL_LONGTERM;
	int locked = 1;
	long pinned;
	int ret;

	if (npages > 64)
		return -EINVAL;
	pinned = pin_user_pages_remote(mm, uaddr, npages, flags, pages, NULL, &locked);	/* expect-note: {{pinned here}} */
	if (pinned < 0) {
		ret = (int)pinned;
		goto out;
	}
	if (range_is_mmio(uaddr, pinned)) {
		ret = -EFAULT;
		goto out;
	}
	ret = hw_sync_dma(dev, pages, pinned);
	unpin_user_pages_dirty_lock(pages, pinned, true);
out:
	return ret;	/* expect-warning: page-ref-leak {{pages pinned into 'pages' by pin_user_pages_remote() are not released on this path}} */
}
