/*
 * page-use-after-put and summaries, negative.  A helper that drops a
 * reference on some paths only (folio_detach_private() style: the private
 * reference goes, the page cache one stays) is not a release for its
 * callers: a summary keeps only what happens on every path.  A helper
 * that always puts its page is one.
 */
#include <linux/mm.h>

static void drop_private(struct page *page)
{
	if (PageReserved(page)) {
		ClearPageReserved(page);
		put_page(page);
	}
}

static void drop(struct page *page)
{
	put_page(page);
}

int detach_then_read(struct page *page)
{
	drop_private(page);
	return PageDirty(page);
}

int drop_then_read(struct page *page)
{
	drop(page);				/* expect-note: {{reference dropped here}} */
	return PageDirty(page);			/* expect-warning: page-use-after-put {{'page' is used by PageDirty() after drop() dropped the reference}} */
}
