/*
 * page-use-after-put, negative. Copies of the caller's page pointer, with
 * nothing dropped that the caller handed in: a reference taken and dropped
 * through the copy leaves the caller's; a put of a different page leaves
 * this one; a copy set to NULL no longer names the page.
 */
#include <linux/mm.h>

extern void trace_page(unsigned long flags);

void get_and_put_through_copy(struct page *page)
{
	struct page *p = page;

	get_page(p);
	put_page(p);
	trace_page(page->flags);
}

void put_other_page(struct page *page, struct page *other)
{
	struct page *p = other;

	put_page(p);
	trace_page(page->flags);
}

void folio_reference_held_over_the_read(struct page *page)
{
	struct folio *folio = page_folio(page);

	folio_get(folio);
	trace_page(page->flags);
	folio_put(folio);
}

void copy_cleared_before_the_put(struct page *page)
{
	struct page *p = page;

	p = NULL;
	put_page(page);
	if (p)
		trace_page(p->flags);
}
