/*
 * page-unguarded-deref, negative (kernel: fs/proc/task_mmu.c
 * clear_refs_pte_range(), mm/mlock.c mlock_pte_range()).
 * pmd_trans_huge_lock() returns the PMD's page table lock, taken, or NULL
 * without taking it: on the non-NULL branch a present huge PMD maps (and
 * holds) its page until spin_unlock().  After the unlock the page is
 * arbitrary again, which the second function shows.
 */
#include <linux/mm.h>
#include <linux/pgtable.h>

int clear_refs_pmd(pmd_t *pmd, struct vm_area_struct *vma)
{
	spinlock_t *ptl;
	struct page *page;

	ptl = pmd_trans_huge_lock(pmd, vma);
	if (ptl) {
		if (!pmd_present(*pmd))
			goto out;
		page = pmd_page(*pmd);
		ClearPageReferenced(page);
out:
		spin_unlock(ptl);
		return 0;
	}
	return 1;
}

int clear_refs_after_unlock(pmd_t *pmd, struct vm_area_struct *vma)
{
	spinlock_t *ptl;
	struct page *page;

	ptl = pmd_trans_huge_lock(pmd, vma);
	if (!ptl)
		return 1;
	page = pmd_page(*pmd);			/* expect-note: {{page obtained here from pmd_page()}} */
	spin_unlock(ptl);			/* expect-note: {{the guarantee ended here with spin_unlock()}} */
	ClearPageReferenced(page);		/* expect-warning: page-unguarded-deref {{comes from an arbitrary pfn and is used by ClearPageReferenced()}} */
	return 0;
}
