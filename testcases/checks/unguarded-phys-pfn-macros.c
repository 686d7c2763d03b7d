/*
 * page-unguarded-deref, positive. An arbitrary physical address turned into
 * a pfn with the PHYS_PFN() macro, and a pfn built with PFN_PHYS() >>
 * PAGE_SHIFT, both stay arbitrary through the shift arithmetic (seed
 * rust-page-borrow-physaddr-crashdump). Two pages, two warnings.
 */
#include <linux/mm.h>
#include <linux/pfn.h>

bool phys_is_lru(phys_addr_t phys)
{
	struct page *page = pfn_to_page(PHYS_PFN(phys));	/* expect-note: {{page obtained here from pfn_to_page()}} */

	return PageLRU(page);					/* expect-warning: page-unguarded-deref {{comes from an arbitrary pfn and is used by PageLRU()}} */
}

bool pfn_is_dirty(unsigned long pfn)
{
	phys_addr_t phys = PFN_PHYS(pfn) + 128;
	struct page *page = pfn_to_page(phys >> PAGE_SHIFT);	/* expect-note: {{page obtained here from pfn_to_page()}} */

	return PageDirty(page);					/* expect-warning: page-unguarded-deref {{comes from an arbitrary pfn and is used by PageDirty()}} */
}
