/*
 * page-longterm-movable, negative. Short-term pins without FOLL_LONGTERM
 * are correct for I/O that completes before the function returns
 * (Documentation/core-api/pin_user_pages.rst, "Case 1: Direct IO"): the
 * pins go into a local array and are unpinned before the return, so nothing
 * outlives the function. Seed udmabuf-longterm-pins-movable-pages
 * distinguishes exactly this from pins kept "possibly forever".
 */
#include <linux/mm.h>
#include <linux/highmem.h>

#define MAX_CHUNK	8

extern void copy_from_dev(void *dst, unsigned int len);

int read_into_user(unsigned long uaddr, int npages)
{
	struct page *pages[MAX_CHUNK];
	int i, pinned;

	if (npages > MAX_CHUNK)
		return -EINVAL;
	pinned = pin_user_pages_fast(uaddr, npages, FOLL_WRITE, pages);
	if (pinned <= 0)
		return pinned ? pinned : -EFAULT;
	for (i = 0; i < pinned; i++) {
		void *kaddr = kmap_local_page(pages[i]);

		copy_from_dev(kaddr, PAGE_SIZE);
		kunmap_local(kaddr);
	}
	unpin_user_pages_dirty_lock(pages, pinned, true);
	return pinned == npages ? 0 : -EFAULT;
}
