/*
 * page-unguarded-deref, positive: no contract is inferred for a function
 * whose address is taken. Every direct call in the file holds the page
 * table lock, but the walker callback in the ops table (the shape of
 * smaps_pte_entry() in a struct mm_walk_ops) can be called from anywhere,
 * so what the file's calls hold says nothing about those calls. The same
 * for a non-static function: callers in other files are not seen. The
 * static helper only called directly (count_dirty()) is not reported.
 */
#include <linux/pgtable.h>

struct walk_ops {
	int (*pte_entry)(pte_t *ptep);
};

static int count_entry(pte_t *ptep)
{
	struct page *page = pte_page(ptep_get(ptep));	/* expect-note: {{page obtained here from pte_page()}} */

	return PageAnon(page);				/* expect-warning: page-unguarded-deref {{'page' comes from an arbitrary pfn and is used by PageAnon()}} */
}

const struct walk_ops count_ops = {
	.pte_entry = count_entry,
};

static int count_dirty(pte_t *ptep)
{
	return PageDirty(pte_page(ptep_get(ptep)));
}

int count_locked(struct mm_struct *mm, pte_t *ptep)
{
	spinlock_t *ptl = huge_pte_lockptr(mm, ptep);
	int ret;

	spin_lock(ptl);
	ret = count_entry(ptep) + count_dirty(ptep);
	spin_unlock(ptl);
	return ret;
}

int entry_swapbacked(pte_t *ptep)
{
	struct page *page = pte_page(ptep_get(ptep));	/* expect-note: {{page obtained here from pte_page()}} */

	return PageSwapBacked(page);			/* expect-warning: page-unguarded-deref {{'page' comes from an arbitrary pfn and is used by PageSwapBacked()}} */
}

int swapbacked_locked(struct mm_struct *mm, pte_t *ptep)
{
	spinlock_t *ptl = huge_pte_lockptr(mm, ptep);
	int ret;

	spin_lock(ptl);
	ret = entry_swapbacked(ptep);
	spin_unlock(ptl);
	return ret;
}
