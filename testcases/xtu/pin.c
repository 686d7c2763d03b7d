/*
 * Cross-TU summaries, the defining side: helpers other files call.  The
 * expectations are in use.c.
 */
#include <linux/mm.h>

/* pins the user page at addr into *pp; 0 or -errno */
int grab(unsigned long addr, struct page **pp)
{
	if (pin_user_pages_fast(addr, 1, FOLL_WRITE, pp) != 1)
		return -EFAULT;
	return 0;
}

/* drops the caller's reference */
void drop(struct page *page)
{
	put_page(page);
}

/* a static helper is not another file's to call: no summary */
static void drop_quietly(struct page *page)
{
	put_page(page);
}

void drop_both(struct page *a, struct page *b)
{
	drop_quietly(a);
	drop(b);
}
