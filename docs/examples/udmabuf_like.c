/*
 * A udmabuf-like driver (drivers/dma-buf/udmabuf.c before 6.11, trimmed):
 * it keeps references to page cache pages of a memfd, and to user pages,
 * in an object that lives as long as the dma-buf.  Plain references and
 * pins without FOLL_LONGTERM make movable pages unmovable, which breaks
 * memory hot-unplug and CMA.  pagelife reports the first two functions and
 * accepts the last two.
 */
#include <linux/mm.h>
#include <linux/fs.h>
#include <linux/memfd.h>
#include <linux/shmem_fs.h>

struct udmabuf {
	pgoff_t pagecount;
	struct page **pages;
	struct folio **folios;
};

long udmabuf_add_range(struct udmabuf *ubuf, struct file *memfd,
		       pgoff_t pgoff, pgoff_t pgcnt)
{
	struct page *page;
	pgoff_t pgidx;

	for (pgidx = 0; pgidx < pgcnt; pgidx++) {
		page = shmem_read_mapping_page(memfd->f_mapping, pgoff + pgidx);
		if (IS_ERR(page))
			return PTR_ERR(page);
		ubuf->pages[ubuf->pagecount++] = page;
	}
	return 0;
}

long user_range_pin(struct udmabuf *ubuf, unsigned long uaddr, unsigned long n)
{
	int pinned = pin_user_pages_fast(uaddr, n, FOLL_WRITE, ubuf->pages);

	if (pinned <= 0)
		return pinned ? pinned : -EFAULT;
	ubuf->pagecount = pinned;
	return 0;
}

/* 6.11: memfd_pin_folios() migrates the folios out of ZONE_MOVABLE/CMA first */
long udmabuf_pin_range(struct udmabuf *ubuf, struct file *memfd,
		       loff_t start, pgoff_t pgcnt)
{
	loff_t end = start + (pgcnt << PAGE_SHIFT) - 1;
	pgoff_t pgoff;
	long nr;

	nr = memfd_pin_folios(memfd, start, end, ubuf->folios, pgcnt, &pgoff);
	if (nr <= 0)
		return nr ? nr : -EINVAL;
	ubuf->pagecount = nr;
	return 0;
}

/* a user address range: pin it "officially" */
long user_range_pin_longterm(struct udmabuf *ubuf, unsigned long uaddr,
			     unsigned long n)
{
	int pinned = pin_user_pages_fast(uaddr, n, FOLL_WRITE | FOLL_LONGTERM,
					 ubuf->pages);

	if (pinned <= 0)
		return pinned ? pinned : -EFAULT;
	ubuf->pagecount = pinned;
	return 0;
}
