/*
 * page-unguarded-deref, caller contract: a lock the caller holds. A page
 * found from a page table entry is held by its mapping while the page
 * table lock is held (the ptl scope). When the lock is taken by the
 * caller, the function says so in its own text: sparse's __must_hold()
 * (which expands to nothing outside __CHECKER__, so it is read from the
 * declaration's tokens) or lockdep_assert_held() / assert_spin_locked() in
 * the body (a do-while, or nothing without CONFIG_LOCKDEP). The 6.1
 * triage's PTL-in-the-caller group of B1. The same function without either
 * marker is still reported (last function).
 */
#include <linux/mm.h>

#define __must_hold(x)
#define lockdep_assert_held(l)	do { (void)(l); } while (0)
#define assert_spin_locked(l)	do { (void)(l); } while (0)

typedef struct { int raw; } spinlock_t;

static int entry_is_dirty(pte_t *ptep, spinlock_t *ptl)
	__must_hold(ptl)
{
	struct page *page = pte_page(ptep_get(ptep));

	return PageDirty(page);
}

int entry_is_dirty_asserted(pte_t *ptep, spinlock_t *ptl)
{
	struct page *page;

	lockdep_assert_held(ptl);
	page = pte_page(ptep_get(ptep));
	return PageDirty(page) + entry_is_dirty(ptep, ptl);
}

int entry_is_locked(pte_t *ptep, spinlock_t *ptl)
{
	assert_spin_locked(ptl);
	return PageLocked(pte_page(ptep_get(ptep)));
}

int entry_is_dirty_unlocked(pte_t *ptep)
{
	struct page *page = pte_page(ptep_get(ptep));	/* expect-note: {{page obtained here from pte_page()}} */

	return PageDirty(page);				/* expect-warning: page-unguarded-deref {{arbitrary pfn}} */
}
