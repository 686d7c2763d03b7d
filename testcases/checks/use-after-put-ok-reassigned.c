/*
 * page-use-after-put, negative. After put_page() the variable is given a
 * new page -- a fresh lookup in a loop that walks the mapping, and a retry
 * after a failed check -- so the uses that follow are of the new page, not
 * of the one that was released.
 */
#include <linux/mm.h>
#include <linux/pagemap.h>

unsigned long count_dirty_cached(struct address_space *mapping, pgoff_t start, pgoff_t end)
{
	unsigned long n = 0;
	pgoff_t index;

	for (index = start; index < end; index++) {
		struct page *page = find_get_page(mapping, index);

		if (!page)
			continue;
		if (PageDirty(page))
			n++;
		put_page(page);
	}
	return n;
}

int first_uptodate(struct address_space *mapping)
{
	struct page *page;
	int ret;

	page = find_get_page(mapping, 0);
	if (page && !PageUptodate(page)) {
		put_page(page);
		page = find_get_page(mapping, 1);
	}
	if (!page)
		return -ENOENT;
	ret = PageUptodate(page);
	put_page(page);
	return ret;
}
