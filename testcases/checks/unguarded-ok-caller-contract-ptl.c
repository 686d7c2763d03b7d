/*
 * page-unguarded-deref, caller contract inferred from the callers: a
 * static helper whose every caller in the file holds the page table lock
 * at the call starts with the lock held, although it says nothing itself
 * (no __must_hold(), no lockdep_assert_held()). The 6.1 triage's
 * PTL-in-the-caller group of B1: __follow_hugetlb_must_fault() under
 * follow_hugetlb_page()'s huge_pte_lock(), queue_folios_pmd() under
 * pmd_trans_huge_lock(). The scopes at each call are the dataflow's, so
 * a call on the non-NULL branch of pmd_trans_huge_lock() holds it. A chain
 * of two helpers inherits the first caller's lock (entry_is_young() is
 * called only by the helper huge_entry_young()).
 */
#include <linux/pgtable.h>

static int must_fault(pte_t *ptep)
{
	struct page *page = pte_page(ptep_get(ptep));

	return PageAnon(page) && !PageDirty(page);
}

int follow_huge(struct mm_struct *mm, pte_t *ptep)
{
	spinlock_t *ptl = huge_pte_lockptr(mm, ptep);
	int ret;

	spin_lock(ptl);
	ret = must_fault(ptep);
	spin_unlock(ptl);
	return ret;
}

int follow_huge_twice(struct mm_struct *mm, pte_t *ptep)
{
	spinlock_t *ptl = huge_pte_lockptr(mm, ptep);
	int ret = 0;

	spin_lock(ptl);
	if (pte_present(ptep_get(ptep)))
		ret = must_fault(ptep) + must_fault(ptep + 1);
	spin_unlock(ptl);
	return ret;
}

static int queue_pmd(pmd_t *pmd)
{
	struct page *page = pmd_page(*pmd);

	return page_to_nid(page);
}

int queue_range(pmd_t *pmd, struct vm_area_struct *vma)
{
	spinlock_t *ptl = pmd_trans_huge_lock(pmd, vma);
	int nid;

	if (!ptl)
		return -1;
	nid = queue_pmd(pmd);
	spin_unlock(ptl);
	return nid;
}

/* a chain: only the helper below calls this one */
static int entry_is_young(pte_t *ptep)
{
	return PageReferenced(pte_page(ptep_get(ptep)));
}

static int huge_entry_young(pte_t *ptep)
{
	return entry_is_young(ptep) || entry_is_young(ptep + 1);
}

int young_locked(struct mm_struct *mm, pte_t *ptep)
{
	spinlock_t *ptl = huge_pte_lockptr(mm, ptep);
	int young;

	spin_lock(ptl);
	young = huge_entry_young(ptep);
	spin_unlock(ptl);
	return young;
}
