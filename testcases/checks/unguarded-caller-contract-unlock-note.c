/*
 * page-unguarded-deref, positive, and the note of an inferred contract. A
 * static helper that every caller in the file calls with the page table
 * lock held may use the entry's page while the lock is held; when it drops
 * the caller's lock (hugetlb_wp() does, to allocate) the page is arbitrary
 * again. The finding then says the lock came from the callers: a note at
 * the helper names the contract and the callers it was inferred from,
 * next to the unlock that ended it.
 */
#include <linux/pgtable.h>

static int wp_page(pte_t *ptep, spinlock_t *ptl)	/* expect-note: {{wp_page() runs under the page table lock: every caller in this file holds it (fault_locked(), fault_locked_twice())}} */
{
	struct page *old = pte_page(ptep_get(ptep));	/* expect-note: {{page obtained here from pte_page()}} */
	int ret = PageAnon(old);

	spin_unlock(ptl);				/* expect-note: {{the guarantee ended here with spin_unlock()}} */
	ret += PageDirty(old);				/* expect-warning: page-unguarded-deref {{'old' comes from an arbitrary pfn and is used by PageDirty()}} */
	spin_lock(ptl);
	return ret;
}

int fault_locked(struct mm_struct *mm, pte_t *ptep)
{
	spinlock_t *ptl = huge_pte_lockptr(mm, ptep);
	int ret;

	spin_lock(ptl);
	ret = wp_page(ptep, ptl);
	spin_unlock(ptl);
	return ret;
}

int fault_locked_twice(struct mm_struct *mm, pte_t *ptep)
{
	spinlock_t *ptl = huge_pte_lockptr(mm, ptep);
	int ret;

	spin_lock(ptl);
	ret = wp_page(ptep, ptl);
	if (!ret)
		ret = wp_page(ptep + 1, ptl);
	spin_unlock(ptl);
	return ret;
}
