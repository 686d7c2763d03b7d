/*
 * page-ref-leak, positive. Reading the page through its address (a
 * checksum of page_address()) does not hand over the reference: only
 * stores into long-lived memory, returns, the ownership-taking calls
 * (sg_set_page(), bio_add_page(), list_add(&page->lru, ...), ...) and
 * passing the struct page itself to a function pagelife knows nothing
 * about (it may keep it) do.  read_mapping_page()'s error path (IS_ERR)
 * holds nothing.
 */
#include <linux/mm.h>
#include <linux/pagemap.h>

extern u32 crc32_buf(const void *buf, unsigned int len);

int page_crc(struct address_space *mapping, pgoff_t index, u32 *crc)
{
	struct page *page;

	page = read_mapping_page(mapping, index, NULL);	/* expect-note: {{reference taken here}} */
	if (IS_ERR(page))
		return PTR_ERR(page);
	*crc = crc32_buf(page_address(page), PAGE_SIZE);
	return 0;	/* expect-warning: page-ref-leak {{reference to 'page' taken by read_mapping_page() is not released on this path}} */
}
