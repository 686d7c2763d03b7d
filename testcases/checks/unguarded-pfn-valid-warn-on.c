/*
 * page-unguarded-deref, positive (pfn_valid-only message). WARN_ON() and
 * WARN_ON_ONCE() are GNU statement expressions that evaluate to their
 * condition (through unlikely()); returning on them refines the pfn to
 * pfn_valid-only. Two functions, one per macro.
 */
#include <linux/mm.h>

int set_pfn_dirty(unsigned long pfn)
{
	struct page *page;

	if (WARN_ON(!pfn_valid(pfn)))		/* expect-note: {{pfn checked only with pfn_valid() here}} */
		return -EINVAL;
	page = pfn_to_page(pfn);		/* expect-note: {{page obtained here from pfn_to_page()}} */
	SetPageDirty(page);			/* expect-warning: page-unguarded-deref {{'page' is used by SetPageDirty() but its pfn was only checked with pfn_valid()}} */
	return 0;
}

int clear_pfn_reserved(unsigned long pfn)
{
	struct page *page;

	if (WARN_ON_ONCE(!pfn_valid(pfn)))	/* expect-note: {{pfn checked only with pfn_valid() here}} */
		return -EINVAL;
	page = pfn_to_page(pfn);		/* expect-note: {{page obtained here from pfn_to_page()}} */
	ClearPageReserved(page);		/* expect-warning: page-unguarded-deref {{'page' is used by ClearPageReserved() but its pfn was only checked with pfn_valid()}} */
	return 0;
}
