/*
 * page-unguarded-deref, negative: vmalloc_to_page() is the page behind a
 * vmalloc address the caller has, as virt_to_page() is for the linear map,
 * although its body walks the kernel's page tables to a pte_page(). In
 * mm/vmalloc.c, which defines it, its summary made every caller's page
 * arbitrary (6.1 aligned_vread(), group B4). The rule wins over the
 * definition in the TU. A page from the same walk written out by hand is
 * still reported.
 */
#include <linux/mm.h>
#include <linux/highmem.h>

extern pte_t *kernel_pte_of(const void *addr);

struct page *vmalloc_to_page(const void *addr)
{
	pte_t *ptep = kernel_pte_of(addr);

	return ptep ? pte_page(ptep_get(ptep)) : NULL;
}

int first_byte(const void *addr)
{
	struct page *p = vmalloc_to_page(addr);
	int c = 0;

	if (p) {
		char *map = kmap_atomic(p);
		c = map[0];
		kunmap_atomic(map);
	}
	return c;
}

int first_byte_by_hand(const void *addr)
{
	pte_t *ptep = kernel_pte_of(addr);
	struct page *p;

	if (!ptep)
		return 0;
	p = pte_page(ptep_get(ptep));	/* expect-note: {{page obtained here from pte_page()}} */
	return PageDirty(p);		/* expect-warning: page-unguarded-deref {{arbitrary pfn}} */
}
