/*
 * page-use-after-put, positive. A reference the function was handed is
 * dropped through another name for the same page: folio_put() on
 * page_folio(page), then the page's flags are read. Nothing visible keeps a
 * reference after the put, so the page may already be freed (issue 14: the
 * historic use-after-put fixes read a page's flags after dropping a
 * reference handed in). Before, only the variable passed to the release
 * became released and the read through `page` was missed.
 */
#include <linux/mm.h>

extern void account_dirty(struct page *page);

void drop_and_account(struct page *page)
{
	struct folio *folio = page_folio(page);

	folio_put(folio);		/* expect-note: {{reference dropped here}} */
	if (PageDirty(page))		/* expect-warning: page-use-after-put {{'page' is used by PageDirty() after folio_put() dropped the reference}} */
		account_dirty(page);
}
