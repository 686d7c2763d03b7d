/*
 * page-longterm-movable, negative. What seed udmabuf-longterm-pins-movable-
 * pages says udmabuf should have done: "accepted a user space address range
 * and then used pin_user_pages(FOLL_WRITE|FOLL_LONGTERM) to longterm-pin the
 * pages "officially"" - GUP then migrates the pages out of ZONE_MOVABLE and
 * CMA first (check_and_migrate_movable_pages()). The pins go straight into
 * the long-lived ub->pages[]; a short pin is undone on the partial path.
 * Both the _fast and the mmap-locked (vmas argument) forms.
 */
#include <linux/mm.h>

struct user_buf {
	unsigned long npages;
	struct page **pages;
};

int user_buf_pin(struct user_buf *ub, unsigned long uaddr, unsigned long npages)
{
	int pinned;

	pinned = pin_user_pages_fast(uaddr, npages, FOLL_WRITE | FOLL_LONGTERM,
				     ub->pages);
	if (pinned < 0)
		return pinned;
	if (pinned != npages) {
		unpin_user_pages(ub->pages, pinned);
		return -EFAULT;
	}
	ub->npages = pinned;
	return 0;
}

long user_buf_pin_locked(struct user_buf *ub, unsigned long uaddr,
			 unsigned long npages)
{
	long pinned;

	pinned = pin_user_pages(uaddr, npages, FOLL_LONGTERM | FOLL_WRITE,
				ub->pages, NULL);
	if (pinned <= 0)
		return pinned ? pinned : -EFAULT;
	ub->npages = pinned;
	return 0;
}
