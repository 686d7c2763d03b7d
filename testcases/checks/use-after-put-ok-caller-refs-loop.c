/*
 * page-use-after-put, negative. The caller hands in a page with a number of
 * references, and this code drops them one by one in a loop. Each round's
 * put_page() drops another of the caller's references, not one already
 * dropped: this code cannot count what it was handed, so the loop is not a
 * double put. (A second put after the loop still is: see the positive
 * case below.)
 */
#include <linux/mm.h>

void drop_refs(struct page *page, int refs)
{
	while (refs--)
		put_page(page);
}

void drop_refs_for(struct page *page, int n)
{
	int i;

	for (i = 0; i < n; i++)
		put_page(page);
}
