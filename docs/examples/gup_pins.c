/*
 * User pages for DMA, the way drivers take them: pin_user_pages*() pins
 * (released with unpin_user_page*()), get_user_pages*() references
 * (released with put_page()).  A GUP call may return fewer pages than asked
 * for, and those must be released too.  pagelife reports the first three
 * functions and accepts the last one.
 */
#include <linux/mm.h>
#include <linux/highmem.h>

#define NR_BATCH	16

extern int dev_dma(void *dev, struct page **pages, int nr, bool to_mem);

/* converted to pin_user_pages_fast(), but the release loop was not */
int dev_read_user(void *dev, unsigned long uaddr, int nr)
{
	struct page *pages[NR_BATCH];
	int ret, i, err;

	if (nr > NR_BATCH)
		return -EINVAL;
	ret = pin_user_pages_fast(uaddr, nr, FOLL_WRITE, pages);
	if (ret <= 0)
		return ret ? ret : -EFAULT;
	err = dev_dma(dev, pages, ret, true);
	for (i = 0; i < ret; i++)
		put_page(pages[i]);
	return err;
}

/* a short GUP result leaks the pages that were taken */
int dev_write_user(void *dev, unsigned long uaddr, int nr)
{
	struct page *pages[NR_BATCH];
	int ret, err;

	if (nr > NR_BATCH)
		return -EINVAL;
	ret = pin_user_pages_fast(uaddr, nr, 0, pages);
	if (ret <= 0)
		return ret ? ret : -EFAULT;
	if (ret < nr)
		return -EFAULT;
	err = dev_dma(dev, pages, ret, false);
	unpin_user_pages(pages, ret);
	return err;
}

/* the page is read after the pin was given back */
u32 read_status_word(unsigned long uaddr)
{
	struct page *page;
	u32 *vaddr, val;

	if (pin_user_pages_fast(uaddr, 1, 0, &page) != 1)
		return 0;
	unpin_user_page(page);
	vaddr = kmap_local_page(page);
	val = vaddr[0];
	kunmap_local(vaddr);
	return val;
}

/* every path releases what it pinned, with the API that matches */
int dev_rw_user(void *dev, unsigned long uaddr, int nr, bool to_mem)
{
	struct page *pages[NR_BATCH];
	unsigned int gup_flags = 0;
	int ret, err;

	if (nr > NR_BATCH)
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
