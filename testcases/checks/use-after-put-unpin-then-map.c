/*
 * page-use-after-put, positive. A pin ends at unpin_user_page() just as a
 * reference ends at put_page(): the pinned page of a user buffer is unpinned
 * on the "done" path and then mapped again to write a completion word.
 * munmap() or reclaim can free the page as soon as the pin is gone.
 */
#include <linux/mm.h>
#include <linux/highmem.h>

int complete_user_cmd(unsigned long uaddr, u32 status)
{
	struct page *page;
	u32 *kaddr;
	int ret;

	ret = pin_user_pages_fast(uaddr, 1, FOLL_WRITE, &page);	/* expect-note: {{page obtained here from pin_user_pages_fast()}} */
	if (ret <= 0)
		return ret ? ret : -EFAULT;
	unpin_user_page(page);					/* expect-note: {{reference dropped here}} */
	kaddr = kmap_local_page(page);				/* expect-warning: page-use-after-put {{'page' is used by kmap_local_page() after unpin_user_page() dropped the reference this code held}} */
	kaddr[(uaddr & ~PAGE_MASK) / sizeof(u32)] = status;
	kunmap_local(kaddr);
	return 0;
}
