/*
 * page-unguarded-deref, positive. A do { } while loop over a pfn range
 * whose pfn comes from the caller; the body uses the page unguarded.
 */
#include <linux/mm.h>

unsigned long sum_refcounts(unsigned long pfn, unsigned long nr)
{
	unsigned long sum = 0;

	do {
		struct page *page;

		page = pfn_to_page(pfn);	/* expect-note: {{page obtained here from pfn_to_page()}} */
		sum += page_count(page);	/* expect-warning: page-unguarded-deref {{'page' comes from an arbitrary pfn and is used by page_count()}} */
		pfn++;
	} while (--nr);
	return sum;
}
