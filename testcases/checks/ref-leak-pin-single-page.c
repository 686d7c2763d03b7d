/*
 * page-ref-leak, positive (single pinned page). A futex/io_uring-style
 * helper pins one user page through &page, maps it, and bails out on an
 * alignment error without unpin_user_page(). The `ret <= 0` path holds
 * nothing.
 */
#include <linux/mm.h>
#include <linux/highmem.h>

int read_user_u64(unsigned long uaddr, u64 *val)
{
	struct page *page;
	u64 *kaddr;
	int ret;

	ret = pin_user_pages_fast(uaddr, 1, 0, &page);	/* expect-note: {{pinned here}} */
	if (ret <= 0)
		return ret ? ret : -EFAULT;
	if (uaddr & (sizeof(u64) - 1))
		return -EINVAL;			/* expect-warning: page-ref-leak {{pin on 'page' taken by pin_user_pages_fast() is not released on this path}} */
	kaddr = kmap_local_page(page);
	*val = kaddr[(uaddr & ~PAGE_MASK) / sizeof(u64)];
	kunmap_local(kaddr);
	unpin_user_page(page);
	return 0;
}
