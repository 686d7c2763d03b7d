/*
 * page-longterm-movable fix-it: FOLL_LONGTERM is added to the GUP call's
 * flags argument ("FOLL_WRITE" -> "FOLL_WRITE | FOLL_LONGTERM", as a
 * rewrite of the argument's last token). A flags argument with a ?: in it
 * gets none: "a ? b : c | FOLL_LONGTERM" would bind to c only.
 * pagelife-args: --parseable-fixits
 */
#include <linux/mm.h>

struct user_buf {
	unsigned long npages;
	struct page **pages;
};

int user_buf_pin(struct user_buf *ub, unsigned long uaddr, unsigned long npages)
{
	int pinned;

	pinned = pin_user_pages_fast(uaddr, npages, FOLL_WRITE, ub->pages);	/* expect-warning: page-longterm-movable {{from pin_user_pages_fast()}} expect-fixit: {{19:46-19:56:"FOLL_WRITE | FOLL_LONGTERM"}} */
	if (pinned <= 0)
		return pinned ? pinned : -EFAULT;
	ub->npages = pinned;
	return 0;
}

int user_buf_pin_rw(struct user_buf *ub, unsigned long uaddr, unsigned long npages, bool write)
{
	int pinned;

	pinned = pin_user_pages_fast(uaddr, npages, write ? FOLL_WRITE : 0, ub->pages);	/* expect-warning: page-longterm-movable {{from pin_user_pages_fast()}} */
	if (pinned <= 0)
		return pinned ? pinned : -EFAULT;
	ub->npages = pinned;
	return 0;
}
