/*
 * page-longterm-movable, positive. The same pins without FOLL_LONGTERM: GUP
 * does not migrate the pages out of ZONE_MOVABLE/CMA, yet they are kept in
 * the long-lived object. Seed udmabuf-longterm-pins-movable-pages: "In the
 * pin_user_pages(FOLL_LONGTERM) case we make sure to migrate these pages.
 * See mm/gup.c:check_and_migrate_movable_pages()"; without it, a vfio
 * FOLL_LONGTERM pin of the same memory later "will fail to migrate them".
 * The GUP call fills the member array directly, so it is reported at the
 * call; the call is also the acquire, so there is no separate note. Both
 * FOLL_PIN and FOLL_GET forms.
 */
#include <linux/mm.h>

struct user_buf {
	unsigned long npages;
	struct page **pages;
};

int user_buf_pin_short(struct user_buf *ub, unsigned long uaddr,
		       unsigned long npages)
{
	int pinned;

	pinned = pin_user_pages_fast(uaddr, npages, FOLL_WRITE, ub->pages);	/* expect-warning: page-longterm-movable {{a reference to a possibly movable page from pin_user_pages_fast() is kept in '->pages}} */
	if (pinned <= 0)
		return pinned ? pinned : -EFAULT;
	ub->npages = pinned;
	return 0;
}

long user_buf_get(struct user_buf *ub, unsigned long uaddr,
		  unsigned long npages)
{
	long got;

	got = get_user_pages(uaddr, npages, FOLL_WRITE, ub->pages, NULL);	/* expect-warning: page-longterm-movable {{a reference to a possibly movable page from get_user_pages() is kept in '->pages}} */
	if (got <= 0)
		return got ? got : -EFAULT;
	ub->npages = got;
	return 0;
}
