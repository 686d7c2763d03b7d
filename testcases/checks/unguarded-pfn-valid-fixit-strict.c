/*
 * page-unguarded-deref fix-it, strict policy: pfn_to_online_page() is no
 * guard under --policy=strict, so renaming the test would not fix the
 * finding and no fix-it is offered.
 * pagelife-args: --parseable-fixits --policy=strict
 */
#include <linux/mm.h>

bool pfn_is_lru(unsigned long pfn)
{
	struct page *page;

	if (!pfn_valid(pfn))		/* expect-note: {{pfn checked only with pfn_valid() here}} */
		return false;
	page = pfn_to_page(pfn);	/* expect-note: {{page obtained here from pfn_to_page()}} */
	return PageLRU(page);		/* expect-warning: page-unguarded-deref {{only checked with pfn_valid()}} */
}
