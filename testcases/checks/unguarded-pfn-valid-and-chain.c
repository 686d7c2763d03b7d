/*
 * page-unguarded-deref, positive (pfn_valid-only message). The guard and the
 * use in one && chain: the right operand runs only when pfn_valid() was
 * true, so the page is pfn_valid-only, not arbitrary. The condition is spread
 * over three lines so the guard, the use and the source each have a line.
 */
#include <linux/mm.h>

bool pfn_is_reserved_checked(unsigned long pfn)
{
	if (pfn_valid(pfn) &&			/* expect-note: {{pfn checked only with pfn_valid() here}} */
	    PageReserved(			/* expect-warning: page-unguarded-deref {{'pfn_to_page()' is used by PageReserved() but its pfn was only checked with pfn_valid()}} */
			 pfn_to_page(pfn)))	/* expect-note: {{page obtained here from pfn_to_page()}} */
		return true;
	return false;
}
