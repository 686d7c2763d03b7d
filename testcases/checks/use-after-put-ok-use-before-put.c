/*
 * page-use-after-put, negative. Every use comes before the release, on
 * every path: the lookup reference is dropped last, after the flags were
 * read and the page unlocked; the error path drops it and returns.
 */
#include <linux/mm.h>
#include <linux/pagemap.h>

extern int inspect(void *kaddr);

int inspect_cached(struct address_space *mapping, pgoff_t index)
{
	struct page *page;
	int ret;

	page = find_lock_page(mapping, index);
	if (!page)
		return -ENOENT;
	if (!PageUptodate(page)) {
		unlock_page(page);
		put_page(page);
		return -EIO;
	}
	ret = inspect(page_address(page));
	if (!ret)
		SetPageReferenced(page);
	unlock_page(page);
	put_page(page);
	return ret;
}
