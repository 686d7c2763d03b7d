/*
 * page-ref-leak, negative. Returning the page hands the reference to the
 * caller (the lookup-helper shape: `return page;` on success,
 * `return ERR_PTR(...)` after dropping it on failure), also through a
 * folio conversion and through an out-parameter.
 */
#include <linux/mm.h>
#include <linux/pagemap.h>

struct page *get_uptodate_page(struct address_space *mapping, pgoff_t index)
{
	struct page *page = find_get_page(mapping, index);

	if (!page)
		return ERR_PTR(-ENOENT);
	if (!PageUptodate(page)) {
		put_page(page);
		return ERR_PTR(-EIO);
	}
	return page;
}

struct folio *get_user_folio(unsigned long uaddr)
{
	struct page *page;

	if (get_user_pages_fast(uaddr, 1, 0, &page) <= 0)
		return NULL;
	return page_folio(page);
}

int get_scratch(struct page **out)
{
	struct page *page = alloc_page(GFP_KERNEL);

	if (!page)
		return -ENOMEM;
	*out = page;
	return 0;
}
