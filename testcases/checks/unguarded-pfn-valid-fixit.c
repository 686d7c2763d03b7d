/*
 * page-unguarded-deref fix-it. "if (!pfn_valid(pfn)) return" then
 * pfn_to_page(): the mechanical fix renames the test to
 * pfn_to_online_page(), whose NULL result the same condition tests (under
 * the mainline policy that is the guard; unguarded-ok-online-test-then-
 * pfn-to-page.c). The call sits in a macro argument in the second function
 * (BUG_ON()): no fix-it there, since the edit would not be plain main-file
 * text. pagelife-args: --parseable-fixits
 */
#include <linux/mm.h>

bool pfn_is_lru(unsigned long pfn)
{
	struct page *page;

	if (!pfn_valid(pfn))		/* expect-note: {{pfn checked only with pfn_valid() here}} expect-fixit: {{16:7-16:16:"pfn_to_online_page"}} */
		return false;
	page = pfn_to_page(pfn);	/* expect-note: {{page obtained here from pfn_to_page()}} */
	return PageLRU(page);		/* expect-warning: page-unguarded-deref {{'page' is used by PageLRU() but its pfn was only checked with pfn_valid()}} */
}

struct zone *pfn_zone_or_die(unsigned long pfn)
{
	struct page *page;

	BUG_ON(!pfn_valid(pfn));	/* expect-note: {{pfn checked only with pfn_valid() here}} */
	page = pfn_to_page(pfn);	/* expect-note: {{page obtained here from pfn_to_page()}} */
	return page_zone(page);		/* expect-warning: page-unguarded-deref {{'page' is used by page_zone() but its pfn was only checked with pfn_valid()}} */
}
