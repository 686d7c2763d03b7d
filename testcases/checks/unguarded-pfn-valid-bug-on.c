/*
 * page-unguarded-deref, positive (pfn_valid-only message). BUG_ON() is
 * "do { if (unlikely(cond)) BUG(); } while (0)" with a noreturn BUG(): after
 * BUG_ON(!pfn_valid(pfn)) the pfn is known valid -- and still only valid.
 */
#include <linux/mm.h>

struct zone *pfn_zone_or_die(unsigned long pfn)
{
	struct page *page;

	BUG_ON(!pfn_valid(pfn));		/* expect-note: {{pfn checked only with pfn_valid() here}} */
	page = pfn_to_page(pfn);		/* expect-note: {{page obtained here from pfn_to_page()}} */
	return page_zone(page);			/* expect-warning: page-unguarded-deref {{'page' is used by page_zone() but its pfn was only checked with pfn_valid()}} */
}
