/*
 * Summaries and page-ref-leak: a helper that takes a reference on its
 * argument hands the caller a reference to drop (positive when the caller
 * forgets it on an error path); a helper that stores the page in a
 * long-lived object takes the caller's reference over (negative); a helper
 * returning a fresh page cache reference is a lookup for its callers.
 */
#include <linux/mm.h>
#include <linux/pagemap.h>

struct cache {
	struct page *page;
};

static void grab(struct page *page)
{
	get_page(page);
}

static void keep(struct cache *c, struct page *page)
{
	c->page = page;
}

static struct page *lookup_index(struct address_space *mapping, pgoff_t index)
{
	return find_get_page(mapping, index);
}

int grab_and_check(struct page *page)
{
	grab(page);				/* expect-note: {{reference taken here}} */
	if (PageDirty(page))
		return -EBUSY;			/* expect-warning: page-ref-leak {{reference to 'page' taken by grab() is not released on this path}} */
	put_page(page);
	return 0;
}

int lookup_and_keep(struct cache *c, struct address_space *mapping, pgoff_t index)
{
	struct page *page = lookup_index(mapping, index);

	if (!page)
		return -ENOENT;
	keep(c, page);
	return 0;
}

int lookup_and_forget(struct address_space *mapping, pgoff_t index)
{
	struct page *page = lookup_index(mapping, index);	/* expect-note: {{reference taken here}} */

	if (!page)
		return -ENOENT;
	if (PageUptodate(page))
		return 1;			/* expect-warning: page-ref-leak {{reference to 'page' taken by lookup_index() is not released on this path}} */
	put_page(page);
	return 0;
}
