/*
 * page-unguarded-deref and page-ref-leak, negative (third kernel triage,
 * P10, P20, P21).  vm_normal_page() reads a present PTE under the page
 * table lock, migrate_pfn_to_page() decodes a migrate_vma entry that
 * carries a reference and the page lock, pageblock_pfn_to_page() is the
 * mainline online check of a pageblock: their pages are safe to read, and
 * they are not references for this code to release.  Without rules they
 * were summarised as pfn_to_page() wrappers.
 */
#include <linux/mm.h>

struct vm_area_struct;

static struct page *vm_normal_page(struct vm_area_struct *vma, unsigned long addr, pte_t pte)
{
	return pfn_to_page(pte_pfn(pte));
}

static struct page *migrate_pfn_to_page(unsigned long mpfn)
{
	return pfn_to_page(mpfn >> 6);
}

int zap_one(struct vm_area_struct *vma, unsigned long addr, pte_t pte)
{
	struct page *page = vm_normal_page(vma, addr, pte);

	return page && PageAnon(page);
}

int finalize_one(unsigned long mpfn)
{
	struct page *page = migrate_pfn_to_page(mpfn);

	if (!page)
		return 0;
	return PageLocked(page);
}
