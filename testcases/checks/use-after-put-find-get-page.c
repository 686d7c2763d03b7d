/*
 * page-use-after-put, positive. A page-cache lookup reference is dropped
 * as soon as the lock is released, and the uptodate test that decides the
 * return value comes after it. Truncation can free the page in between.
 */
#include <linux/mm.h>
#include <linux/pagemap.h>

int cached_page_uptodate(struct address_space *mapping, pgoff_t index)
{
	struct page *page;

	page = find_lock_page(mapping, index);	/* expect-note: {{page obtained here from find_lock_page()}} */
	if (!page)
		return -ENOENT;
	unlock_page(page);
	put_page(page);				/* expect-note: {{reference dropped here}} */
	return PageUptodate(page) ? 0 : -EIO;	/* expect-warning: page-use-after-put {{'page' is used by PageUptodate() after put_page() dropped the reference this code held}} */
}
