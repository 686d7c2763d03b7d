/*
 * page-use-after-put, negative and positive: the zone and node of a page
 * just freed. page_zone(), page_to_nid() and adjust_managed_page_count()
 * (which reads only page_zone()) read the section, zone and node bits of
 * the memmap entry, which do not change when the page goes back to the
 * buddy allocator: free_reserved_page() and init_cma_reserved_pageblock()
 * count the freed page into its zone (6.1/6.12 group B9). Reading the
 * page's flags or contents after the free is still a use after put.
 */
#include <linux/mm.h>
#include <linux/gfp.h>

extern void adjust_managed_page_count(struct page *page, long count);
extern void count_in_node(int nid);

void free_reserved(struct page *page)
{
	ClearPageReserved(page);
	__free_page(page);
	adjust_managed_page_count(page, 1);
	count_in_node(page_to_nid(page));
}

int free_then_flags(void)
{
	struct page *page = alloc_page(GFP_KERNEL);	/* expect-note: {{page obtained here from alloc_page()}} */

	if (!page)
		return 0;
	__free_page(page);				/* expect-note: {{reference dropped here}} */
	return PageDirty(page);				/* expect-warning: page-use-after-put {{after __free_page() dropped}} */
}
