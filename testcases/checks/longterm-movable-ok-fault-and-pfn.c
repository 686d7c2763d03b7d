/*
 * page-longterm-movable, negative (second kernel triage, P17 and P18).  A
 * fault handler filling vmf->page hands the reference to the fault code,
 * which maps and drops it: struct vm_fault lives for one fault
 * (mm/secretmem.c).  A pfn stored through an out parameter is not a
 * stored struct page (virt/kvm hva_to_pfn_slow()).
 */
#include <linux/mm.h>
#include <linux/pagemap.h>

struct vm_fault {
	unsigned long address;
	struct page *page;
};

int fault_in(struct vm_fault *vmf, struct address_space *mapping, pgoff_t index)
{
	struct page *page = find_lock_page(mapping, index);

	if (!page)
		return -ENOMEM;
	vmf->page = page;
	return 0;
}

int pfn_out(unsigned long uaddr, unsigned long *pfn)
{
	struct page *page;

	if (get_user_pages_fast(uaddr, 1, FOLL_WRITE, &page) != 1)
		return -EFAULT;
	*pfn = page_to_pfn(page);
	return 0;
}
