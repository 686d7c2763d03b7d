/*
 * page-unguarded-deref, caller contract stated in the comment above the
 * function. Kernel code writes most of its locking rules as a sentence
 * ("Must be called with mem_hotplug_lock in write mode.", "Caller must hold
 * the page table lock."), not as lockdep_assert_held(). A sentence that
 * requires the caller to hold a lock whose scope the analysis knows opens
 * that scope at entry, and static helpers called only from there inherit
 * it (the inferred caller contract): 6.1's offline_pages(), online_pages(),
 * scan_movable_pages() and do_migrate_range() (group B2). The write side of
 * mem_hotplug_lock is the memmap scope, the page table lock the ptl one.
 * Sentences that forbid, or name a lock without a scope, change nothing:
 * see unguarded-comment-contract-not-a-requirement.c.
 */
#include <linux/mm.h>

static int first_is_reserved(unsigned long pfn)
{
	return PageReserved(pfn_to_page(pfn));
}

/*
 * Offline a range of pages.
 *
 * Must be called with mem_hotplug_lock in write mode.
 */
int offline_range(unsigned long start_pfn, unsigned long nr_pages)
{
	const unsigned long end_pfn = start_pfn + nr_pages;

	if (page_zone(pfn_to_page(start_pfn)) != page_zone(pfn_to_page(end_pfn - 1)))
		return -EINVAL;
	return first_is_reserved(start_pfn);
}

/*
 * Return whether the entry maps a dirty page. Caller must hold the page
 * table lock.
 */
int entry_dirty(pte_t *ptep)
{
	return PageDirty(pte_page(ptep_get(ptep)));
}

/* Called with the PTL held; returns the entry's page locked state. */
int entry_locked(pte_t *ptep)
{
	return PageLocked(pte_page(ptep_get(ptep)));
}
