/*
 * page-unguarded-deref, positive: comments that do not make a caller
 * contract. A sentence that forbids the lock ("must not be called with"),
 * one that names a lock without a scope here (zone->lock keeps buddy lists,
 * not the memmap of an arbitrary pfn), the read side of mem_hotplug_lock
 * (online pages stay online, a pfn_to_page() page is still arbitrary), a
 * comment that is not directly above the function, and a requirement that
 * does not name a lock at all are all still reported.
 */
#include <linux/mm.h>

/* Must not be called with the page table lock held. */
int entry_dirty_unlocked(pte_t *ptep)
{
	struct page *page = pte_page(ptep_get(ptep));	/* expect-note: {{page obtained here from pte_page()}} */

	return PageDirty(page);				/* expect-warning: page-unguarded-deref {{arbitrary pfn}} */
}

/*
 * Caller must hold zone->lock.
 */
int block_is_buddy(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);	/* expect-note: {{page obtained here from pfn_to_page()}} */

	return PageLRU(page);			/* expect-warning: page-unguarded-deref {{arbitrary pfn}} */
}

/* Must be called with mem_hotplug_lock held for read (get_online_mems()). */
int reader_side(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);	/* expect-note: {{page obtained here from pfn_to_page()}} */

	return PageReserved(page);		/* expect-warning: page-unguarded-deref {{arbitrary pfn}} */
}

/* Must be called with mem_hotplug_lock in write mode. */
static const int unrelated = 1;

int comment_belongs_to_the_constant(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);	/* expect-note: {{page obtained here from pfn_to_page()}} */

	return PageReserved(page) + unrelated;	/* expect-warning: page-unguarded-deref {{arbitrary pfn}} */
}

/* Must be called with interrupts disabled. */
int irqs_off(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);	/* expect-note: {{page obtained here from pfn_to_page()}} */

	return PageReserved(page);		/* expect-warning: page-unguarded-deref {{arbitrary pfn}} */
}
