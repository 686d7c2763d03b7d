/*
 * page-unguarded-deref, negative: the shared zero page. ZERO_PAGE(addr) is
 * a macro (virt_to_page(empty_zero_page) on x86, so memmap arithmetic on a
 * physical address after preprocessing); the page is kernel memory that
 * is never freed, not an arbitrary pfn. Fault handlers hand it out with a
 * reference (drivers/infiniband/core/uverbs_main.c rdma_umap_fault(),
 * seen once vmf->page became a tracked field). The same arithmetic on an
 * unknown address is still arbitrary.
 */
#include <linux/mm.h>

extern unsigned long empty_zero_page[];
#define ZERO_PAGE(vaddr) ((void)(vaddr), pfn_to_page(__pa(empty_zero_page) >> PAGE_SHIFT))

struct fault { unsigned long address; struct page *page; };

int zero_fault(struct fault *vmf)
{
	vmf->page = ZERO_PAGE(vmf->address);
	get_page(vmf->page);
	return 0;
}

int other_fault(struct fault *vmf, unsigned long phys)
{
	struct page *page = pfn_to_page(phys >> PAGE_SHIFT);	/* expect-note: {{page obtained here from pfn_to_page()}} */

	get_page(page);		/* expect-warning: page-unguarded-deref {{arbitrary pfn}} */
	vmf->page = page;
	return 0;
}
