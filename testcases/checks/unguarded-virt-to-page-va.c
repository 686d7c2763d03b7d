/*
 * page-unguarded-deref, positive. virt_to_page(__va(phys)) of an arbitrary
 * physical address is as arbitrary as pfn_to_page() of it: __va() is only
 * arithmetic on the linear map. The page is obtained from virt_to_page().
 */
#include <linux/mm.h>

struct zone *phys_zone(phys_addr_t phys)
{
	struct page *page;

	page = virt_to_page(__va(phys));	/* expect-note: {{page obtained here from virt_to_page()}} */
	return page_zone(page);			/* expect-warning: page-unguarded-deref {{'page' comes from an arbitrary}} */
}
