/*
 * page-ref-leak, positive. Reading the page through its address with a
 * function that only borrows it (memcpy(), which has a rule) does not hand
 * over the reference: only stores into long-lived memory, returns, the
 * ownership-taking calls (sg_set_page(), bio_add_page(), list_add(&page->lru,
 * ...), ...) and passing the page (or its pfn or address) to a function
 * pagelife knows nothing about (it may keep it) do.  read_mapping_page()'s
 * error path (IS_ERR) holds nothing.
 */
#include <linux/mm.h>
#include <linux/pagemap.h>

extern void *memcpy(void *dst, const void *src, unsigned long n);

int page_crc(struct address_space *mapping, pgoff_t index, u32 *crc)
{
	struct page *page;

	page = read_mapping_page(mapping, index, NULL);	/* expect-note: {{reference taken here}} */
	if (IS_ERR(page))
		return PTR_ERR(page);
	memcpy(crc, page_address(page), sizeof(*crc));
	return 0;	/* expect-warning: page-ref-leak {{reference to 'page' taken by read_mapping_page() is not released on this path}} */
}
