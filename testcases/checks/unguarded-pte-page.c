/*
 * page-unguarded-deref, positive. A page found by walking a device (IOMMU
 * style) page table is arbitrary: the table holds no reference on the page
 * it maps (seed rust-page-borrow-physaddr-crashdump, the asahi GPU page
 * table walk for crash dumps). pte_page() of the entry, then page_address().
 */
#include <linux/mm.h>

void *iopte_to_virt(pte_t *ptep)
{
	pte_t pte = ptep_get(ptep);
	struct page *page;

	page = pte_page(pte);		/* expect-note: {{page obtained here from pte_page()}} */
	return page_address(page);	/* expect-warning: page-unguarded-deref {{'page' comes from an arbitrary}} */
}
