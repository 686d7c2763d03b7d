/*
 * page-longterm-movable, negative. Page cache pages looked up into a local
 * array and a local variable, used, and released before the function
 * returns: a short-term reference does not block migration for long (seed
 * udmabuf-longterm-pins-movable-pages is about references held "possibly
 * forever"). Storing into a local is not keeping. The element-by-element
 * put_page() loop releases the array.
 */
#include <linux/mm.h>
#include <linux/pagemap.h>
#include <linux/highmem.h>

#define NR_PEEK	4

unsigned long checksum_first_pages(struct address_space *mapping)
{
	struct page *pages[NR_PEEK];
	unsigned long sum = 0;
	int i, n;

	for (n = 0; n < NR_PEEK; n++) {
		pages[n] = find_get_page(mapping, n);
		if (!pages[n])
			break;
	}
	for (i = 0; i < n; i++) {
		unsigned char *kaddr = kmap_local_page(pages[i]);

		sum += kaddr[0];
		kunmap_local(kaddr);
	}
	for (i = 0; i < n; i++)
		put_page(pages[i]);
	return sum;
}

int first_page_dirty(struct address_space *mapping)
{
	struct page *page = find_lock_page(mapping, 0);
	int dirty;

	if (!page)
		return -ENOENT;
	dirty = PageDirty(page);
	unlock_page(page);
	put_page(page);
	return dirty;
}
