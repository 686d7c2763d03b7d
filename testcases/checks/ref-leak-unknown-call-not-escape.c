/*
 * page-ref-leak, positive. Passing the page to a function that merely uses
 * it (an extern hash/checksum helper) does not hand over the reference:
 * only stores into long-lived memory, returns, and the ownership-taking
 * calls (sg_set_page(), bio_add_page(), list_add(&page->lru, ...), ...) do.
 * read_mapping_page()'s error path (IS_ERR) holds nothing.
 */
#include <linux/mm.h>
#include <linux/pagemap.h>

extern u32 crc_page(struct page *page, unsigned int len);

int page_crc(struct address_space *mapping, pgoff_t index, u32 *crc)
{
	struct page *page;

	page = read_mapping_page(mapping, index, NULL);	/* expect-note: {{reference taken here}} */
	if (IS_ERR(page))
		return PTR_ERR(page);
	*crc = crc_page(page, PAGE_SIZE);
	return 0;	/* expect-warning: page-ref-leak {{reference to 'page' taken by read_mapping_page() is not released on this path}} */
}
