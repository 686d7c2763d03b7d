/*
 * page-unguarded-deref, positive: the contract inferred from the callers
 * needs EVERY call. A static helper called once under the page table lock
 * and once without it starts with nothing held: the unlocked call is a
 * real race (the entry can be zapped and the page freed meanwhile), so the
 * helper's use is still reported. A call made with the lock held on one
 * path only (the lock taken under a condition) counts as unlocked too.
 * The helper that only the locked caller calls (entry_anon()) is not
 * reported: that is the contract this case keeps from spreading.
 */
#include <linux/pgtable.h>

static int entry_dirty(pte_t *ptep)
{
	struct page *page = pte_page(ptep_get(ptep));	/* expect-note: {{page obtained here from pte_page()}} */

	return PageDirty(page);				/* expect-warning: page-unguarded-deref {{'page' comes from an arbitrary pfn and is used by PageDirty()}} */
}

static int entry_anon(pte_t *ptep)
{
	return PageAnon(pte_page(ptep_get(ptep)));
}

int dirty_locked(struct mm_struct *mm, pte_t *ptep)
{
	spinlock_t *ptl = huge_pte_lockptr(mm, ptep);
	int ret;

	spin_lock(ptl);
	ret = entry_dirty(ptep) + entry_anon(ptep);
	spin_unlock(ptl);
	return ret;
}

int dirty_racy(pte_t *ptep)
{
	return entry_dirty(ptep);
}

static int entry_young(pte_t *ptep)
{
	struct page *page = pte_page(ptep_get(ptep));	/* expect-note: {{page obtained here from pte_page()}} */

	return PageReferenced(page);			/* expect-warning: page-unguarded-deref {{'page' comes from an arbitrary pfn and is used by PageReferenced()}} */
}

int young_maybe_locked(struct mm_struct *mm, pte_t *ptep, int locked)
{
	spinlock_t *ptl = huge_pte_lockptr(mm, ptep);
	int ret;

	if (locked)
		spin_lock(ptl);
	ret = entry_young(ptep);
	if (locked)
		spin_unlock(ptl);
	return ret;
}
