/*
 * page-pin-mismatch fix-its: put_page() of a FOLL_PIN page becomes
 * unpin_user_page() and release_pages() of pinned pages unpin_user_pages(),
 * same arguments. A put_page() written through a wrapper macro gets no
 * fix-it: renaming inside the macro would change every use of it.
 * pagelife-args: --parseable-fixits
 */
#include <linux/mm.h>

#define DROP_PAGE(p) put_page(p)

int poke_one(unsigned long uaddr)
{
	struct page *page;

	if (pin_user_pages_fast(uaddr, 1, FOLL_WRITE, &page) != 1)	/* expect-note: {{pinned here by pin_user_pages_fast()}} */
		return -EFAULT;
	set_page_dirty(page);
	put_page(page);		/* expect-warning: page-pin-mismatch {{released with put_page()}} expect-fixit: {{19:2-19:10:"unpin_user_page"}} */
	return 0;
}

int poke_many(unsigned long uaddr)
{
	struct page *pages[4];
	int n;

	n = pin_user_pages(uaddr, 4, FOLL_WRITE, pages, NULL);	/* expect-note: {{pinned here by pin_user_pages()}} */
	if (n <= 0)
		return n;
	release_pages(pages, n);	/* expect-warning: page-pin-mismatch {{released with release_pages()}} expect-fixit: {{31:2-31:15:"unpin_user_pages"}} */
	return 0;
}

int poke_macro(unsigned long uaddr)
{
	struct page *page;

	if (pin_user_pages_fast(uaddr, 1, FOLL_WRITE, &page) != 1)	/* expect-note: {{pinned here by pin_user_pages_fast()}} */
		return -EFAULT;
	DROP_PAGE(page);	/* expect-warning: page-pin-mismatch {{released with put_page()}} */
	return 0;
}
