/*
 * page-unguarded-deref, positive. In a loop, the reference is taken only on
 * odd iterations (guard inside one branch, continue on failure); the use
 * after the inner join happens on every iteration, so it is unsafe on the
 * even ones.
 */
/* pagelife-args: --checks=-page-ref-leak
 * (the reference is released under a correlated condition the analysis
 * does not follow; this case is about page-unguarded-deref) */
#include <linux/mm.h>

unsigned long scan_block(unsigned long base_pfn, unsigned long nr)
{
	unsigned long i, busy = 0;

	for (i = 0; i < nr; i++) {
		struct page *page = pfn_to_page(base_pfn + i);	/* expect-note: {{page obtained here from pfn_to_page()}} */
		bool ref = false;

		if (i & 1) {
			if (!get_page_unless_zero(page))
				continue;
			ref = true;
		}
		if (page_mapcount(page) > 0)			/* expect-warning: page-unguarded-deref {{used by page_mapcount()}} */
			busy++;
		if (ref)
			put_page(page);
	}
	return busy;
}
