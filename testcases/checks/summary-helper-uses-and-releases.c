/*
 * Summaries of helpers that use or release their page arguments.
 * peek() reads the struct page: passing it an arbitrary page is reported
 * at the call (page-unguarded-deref).  release_all() puts every page of an
 * array: handing it pinned pages is a page-pin-mismatch; unpin_all() is the
 * right helper for them, and no leak is reported after either.
 */
#include <linux/mm.h>

static int peek(struct page *page)
{
	return PageReserved(page);
}

static void release_all(struct page **pages, int n)
{
	int i;

	for (i = 0; i < n; i++)
		put_page(pages[i]);
}

static void unpin_all(struct page **pages, int n)
{
	unpin_user_pages(pages, n);
}

int peek_arbitrary(unsigned long pfn)
{
	return peek(pfn_to_page(pfn));		/* expect-warning: page-unguarded-deref {{'pfn_to_page()' comes from an arbitrary pfn and is used by peek()}} expect-note: {{page obtained here from pfn_to_page()}} */
}

int pin_then_put(unsigned long uaddr, int n)
{
	struct page *pages[16];
	int ret = pin_user_pages_fast(uaddr, n, FOLL_WRITE, pages);	/* expect-note: {{pinned here by pin_user_pages_fast()}} */

	if (ret <= 0)
		return ret;
	release_all(pages, ret);		/* expect-warning: page-pin-mismatch {{'pages' holds a FOLL_PIN pin from pin_user_pages_fast() but is released with release_all()}} */
	return 0;
}

int pin_then_unpin(unsigned long uaddr, int n)
{
	struct page *pages[16];
	int ret = pin_user_pages_fast(uaddr, n, FOLL_WRITE, pages);

	if (ret <= 0)
		return ret;
	unpin_all(pages, ret);
	return 0;
}
