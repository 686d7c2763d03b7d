/*
 * page-ref-leak (kernel: mm/migrate_device.c migrate_vma_insert_page(),
 * mm/memory.c copy_present_pte()).  The reference taken with get_page()
 * belongs to the page table entry built from the page: `entry =
 * mk_pte(page, prot)` is the page as a value, and writing it with
 * set_pte_at() (a function without a rule) hands the reference over.
 * Returning before the entry is written leaks it.
 */
#include <linux/mm.h>
#include <linux/pgtable.h>

extern int check_stable_address_space(struct mm_struct *mm);

void insert_page(struct mm_struct *mm, unsigned long addr, pte_t *ptep, struct page *page, pgprot_t prot,
		 int writable)
{
	pte_t entry;

	entry = mk_pte(page, prot);
	if (writable)
		entry = pte_mkwrite(entry);
	get_page(page);
	set_pte_at(mm, addr, ptep, entry);
}

int insert_page_checked(struct mm_struct *mm, unsigned long addr, pte_t *ptep, struct page *page, pgprot_t prot)
{
	pte_t entry;

	entry = mk_pte(page, prot);
	get_page(page);				/* expect-note: {{reference taken here}} */
	if (check_stable_address_space(mm))
		return -EFAULT;			/* expect-warning: page-ref-leak {{reference to 'page' taken by get_page() is not released on this path}} */
	set_pte_at(mm, addr, ptep, entry);
	return 0;
}
