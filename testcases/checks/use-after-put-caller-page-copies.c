/*
 * page-use-after-put, positive. The function drops the reference its
 * caller handed in through another name for the same page -- a local
 * copy of the pointer, or the page's folio -- and then reads the page by
 * its first name. Both names point at one page: once the reference is
 * gone, neither may be read. (The historic shape: folio_put(page_folio(page))
 * followed by a trace of page->flags.)
 */
#include <linux/mm.h>

extern void trace_page(unsigned long flags);

void drop_through_copy(struct page *page)
{
	struct page *p = page;

	put_page(p);			/* expect-note: {{reference dropped here}} */
	trace_page(page->flags);	/* expect-warning: page-use-after-put {{'page' is used by '->flags' after put_page() dropped the reference}} */
}

void drop_through_folio_variable(struct page *page)
{
	struct folio *folio = page_folio(page);

	folio_put(folio);		/* expect-note: {{reference dropped here}} */
	trace_page(page->flags);	/* expect-warning: page-use-after-put {{'page' is used by '->flags' after folio_put() dropped the reference}} */
}

void drop_through_folio_call(struct page *page)
{
	folio_put(page_folio(page));	/* expect-note: {{reference dropped here}} */
	trace_page(PageDirty(page));	/* expect-warning: page-use-after-put {{'page' is used by PageDirty() after folio_put() dropped the reference}} */
}

/* Looking the folio up again does not make the page itself safe to read. */
void drop_then_look_up_again(struct page *page)
{
	struct folio *folio = page_folio(page);

	folio_put(folio);		/* expect-note: {{reference dropped here}} */
	folio = page_folio(page);
	trace_page(page->flags);	/* expect-warning: page-use-after-put {{'page' is used by '->flags' after folio_put() dropped the reference}} */
}

/* A loop may drop several of the caller's references; one more put after
 * it drops one that the loop's last round already gave back. */
void drop_refs_then_again(struct page *page, int refs)
{
	while (refs--)
		put_page(page);		/* expect-note: {{reference dropped here}} */
	put_page(page);			/* expect-warning: page-use-after-put {{'page' is released again by put_page()}} */
}
