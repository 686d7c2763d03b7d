/*
 * page-use-after-put and page-unguarded-deref, negative and positive
 * (triage 6.12 P25, 6.1 addendum). Clearing a hugetlb entry and
 * hugetlb_remove_rmap() under the page table lock hand the entry's
 * reference to this code: it stays valid after the unlock until it goes to
 * the TLB batch (__unmap_hugepage_range(): folio_mapped() after
 * spin_unlock()) or is put (hugetlb_wp(): "Make the old page be freed
 * below", two folio_put() calls for the folio_get() and the mapping's
 * reference; copy_user_large_folio() in between only borrows the folio).
 * A third put is one too many.
 */
#include <linux/pgtable.h>

extern pte_t huge_ptep_get_and_clear(struct mm_struct *mm, unsigned long addr, pte_t *ptep);
extern void hugetlb_remove_rmap(struct folio *folio);
extern bool folio_mapped(struct folio *folio);
extern void tlb_remove_page_size(void *tlb, struct page *page, int size);
extern int copy_user_large_folio(struct folio *dst, struct folio *src, unsigned long addr, void *vma);

int unmap_one(void *tlb, struct mm_struct *mm, pte_t *ptep, spinlock_t *ptl)
{
	struct page *page;
	int mapped;

	spin_lock(ptl);
	page = pte_page(ptep_get(ptep));
	huge_ptep_get_and_clear(mm, 0, ptep);
	hugetlb_remove_rmap(page_folio(page));
	spin_unlock(ptl);
	mapped = folio_mapped(page_folio(page));
	tlb_remove_page_size(tlb, page, 1);
	return mapped;
}

void break_cow(struct mm_struct *mm, pte_t *ptep, spinlock_t *ptl, struct folio *new_folio, int extra_put)
{
	struct folio *old_folio;

	spin_lock(ptl);
	old_folio = page_folio(pte_page(ptep_get(ptep)));	/* expect-note: {{obtained here from pte_page()}} */
	folio_get(old_folio);
	copy_user_large_folio(new_folio, old_folio, 0, 0);	/* borrows: still our reference */
	huge_ptep_get_and_clear(mm, 0, ptep);
	hugetlb_remove_rmap(old_folio);
	spin_unlock(ptl);
	folio_put(old_folio);
	folio_put(old_folio);			/* expect-note: {{dropped}} */
	if (extra_put)
		folio_put(old_folio);		/* expect-warning: page-use-after-put */
}
