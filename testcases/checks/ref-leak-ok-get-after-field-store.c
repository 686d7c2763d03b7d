/*
 * page-ref-leak, negative: a reference taken on a page after it was stored
 * into a structure field goes with the structure. do_wp_page() stores
 * vm_normal_page() into vmf->page, takes a reference on its folio and hands
 * vmf to wp_page_copy(), which drops it (6.12 triage pattern P6). A
 * reference taken on a page no field holds is still this code's.
 */
#include <linux/mm.h>

struct vm_area_struct;
struct vm_fault {
	struct vm_area_struct *vma;
	unsigned long address;
	pte_t orig_pte;
	struct page *page;
};

extern struct page *vm_normal_page(struct vm_area_struct *vma, unsigned long addr, pte_t pte);
extern int wp_copy(struct vm_fault *vmf);
extern struct page *lookup_other(struct vm_fault *vmf);

int wp_fault(struct vm_fault *vmf)
{
	struct folio *folio = NULL;

	vmf->page = vm_normal_page(vmf->vma, vmf->address, vmf->orig_pte);
	if (vmf->page)
		folio = page_folio(vmf->page);
	if (folio)
		folio_get(folio);
	return wp_copy(vmf);
}

int wp_fault_leaky(struct vm_fault *vmf)
{
	struct page *page = vm_normal_page(vmf->vma, vmf->address, vmf->orig_pte);

	if (!page)
		return 0;
	get_page(page);			/* expect-note: {{reference taken here}} */
	return wp_copy(vmf);		/* expect-warning: page-ref-leak {{not released on this path}} */
}
