/*
 * page-pin-mismatch, negative. Release helpers that take the caller's pages
 * and a flag saying how they were taken -- the shape of mm/gup.c's own
 * `if (gup_flags & FOLL_PIN) unpin_user_pages(pages, n); else put_page()
 * loop` and of many drivers' put_user_pages() wrappers. This function did
 * not acquire the pages, so it cannot know how they are held: no finding.
 */
#include <linux/mm.h>

void drop_user_pages(struct page **pages, unsigned long n, unsigned int gup_flags)
{
	unsigned long i;

	if (gup_flags & FOLL_PIN) {
		unpin_user_pages(pages, n);
		return;
	}
	for (i = 0; i < n; i++)
		put_page(pages[i]);
}

void drop_one(struct page *page, bool pinned)
{
	if (pinned)
		unpin_user_page(page);
	else
		put_page(page);
}
