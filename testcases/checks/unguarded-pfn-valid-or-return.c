/*
 * page-unguarded-deref, positive (pfn_valid-only message). An || chain:
 * "if (!pfn_valid(pfn) || !PageLRU(page)) return" -- the right operand and
 * everything after the if run only when pfn_valid() was true.
 */
#include <linux/mm.h>

int isolate_one(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);	/* expect-note: {{page obtained here from pfn_to_page()}} */

	if (!pfn_valid(pfn) ||			/* expect-note: {{pfn checked only with pfn_valid() here}} */
	    !PageLRU(page))			/* expect-warning: page-unguarded-deref {{'page' is used by PageLRU() but its pfn was only checked with pfn_valid()}} */
		return -EBUSY;
	ClearPageReserved(page);
	return 0;
}
