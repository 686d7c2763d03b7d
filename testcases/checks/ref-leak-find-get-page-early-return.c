/*
 * page-ref-leak, positive. A page-cache lookup with an early return that
 * forgets the reference: the !PageUptodate() path returns -EIO without
 * put_page(). The NULL path (nothing taken) is fine. Each leaked reference
 * pins the page in the page cache forever: truncation and reclaim can never
 * free it.
 */
#include <linux/mm.h>
#include <linux/pagemap.h>

extern int parse_block(void *kaddr);

int read_block(struct address_space *mapping, pgoff_t index)
{
	struct page *page;
	int ret;

	page = find_get_page(mapping, index);	/* expect-note: {{reference taken here}} */
	if (!page)
		return -ENOENT;
	if (!PageUptodate(page))
		return -EIO;	/* expect-warning: page-ref-leak {{reference to 'page' taken by find_get_page() is not released on this path}} */
	ret = parse_block(page_address(page));
	put_page(page);
	return ret;
}
