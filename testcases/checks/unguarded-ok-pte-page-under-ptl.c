/*
 * page-unguarded-deref, negative and positive.  A present hugetlb PTE read
 * under its page table lock keeps its page mapped, and the mapping holds a
 * reference, until the unlock (mm/hugetlb.c, mm/mempolicy.c
 * queue_folios_hugetlb(), fs/proc/task_mmu.c: false positives of the first
 * kernel triage).  After spin_unlock() the page is arbitrary again.
 */
#include <linux/pgtable.h>

int node_of_huge_pte(struct mm_struct *mm, pte_t *ptep)
{
	spinlock_t *ptl = huge_pte_lockptr(mm, ptep);
	pte_t entry;
	int nid = -1;

	spin_lock(ptl);
	entry = ptep_get(ptep);
	if (pte_present(entry))
		nid = page_to_nid(pte_page(entry));
	spin_unlock(ptl);
	return nid;
}

int node_after_unlock(struct mm_struct *mm, pte_t *ptep)
{
	spinlock_t *ptl = huge_pte_lockptr(mm, ptep);
	struct page *page;

	spin_lock(ptl);
	page = pte_page(ptep_get(ptep));	/* expect-note: {{page obtained here from pte_page()}} */
	spin_unlock(ptl);			/* expect-note: {{the guarantee ended here with spin_unlock()}} */
	return page_to_nid(page);		/* expect-warning: page-unguarded-deref {{'page' comes from an arbitrary pfn and is used by page_to_nid()}} */
}
