/*
 * page-unguarded-deref, negative. find_get_page() returns a referenced page
 * (or NULL): after the NULL check it is ours until put_page().
 */
#include <linux/mm.h>
#include <linux/pagemap.h>
#include <linux/highmem.h>

int read_first_byte(struct address_space *mapping, pgoff_t index, char *out)
{
	struct page *page;
	char *kaddr;

	page = find_get_page(mapping, index);
	if (!page)
		return -ENOENT;
	if (!PageUptodate(page)) {
		put_page(page);
		return -EIO;
	}
	kaddr = kmap_local_page(page);
	*out = kaddr[0];
	kunmap_local(kaddr);
	put_page(page);
	return 0;
}
