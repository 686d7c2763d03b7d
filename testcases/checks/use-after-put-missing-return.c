/*
 * page-use-after-put, positive. The error branch drops the reference but
 * forgets to return, so control falls through to code that still uses the
 * page. At the join one path has the page released: the use is reported
 * (and the later put_page() is not reported again: one finding per object).
 */
#include <linux/mm.h>
#include <linux/pagemap.h>

extern int validate_page(struct page *page);

int check_index(struct address_space *mapping, pgoff_t index)
{
	struct page *page;
	int ret;

	page = find_get_page(mapping, index);	/* expect-note: {{page obtained here from find_get_page()}} */
	if (!page)
		return -ENOENT;
	ret = validate_page(page);
	if (ret)
		put_page(page);			/* expect-note: {{reference dropped here}} */
	lock_page(page);			/* expect-warning: page-use-after-put {{'page' is used by lock_page() after put_page() dropped the reference this code held}} */
	SetPageReferenced(page);
	unlock_page(page);
	put_page(page);
	return ret;
}
