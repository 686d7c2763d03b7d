/*
 * page-unguarded-deref, positive. for_each_online_node() and
 * for_each_valid_pfn() are for-loops over helper calls; the pfns they yield
 * are still just loop counters (for_each_valid_pfn() only promises what
 * pfn_valid() promises, and its helpers are not pfn_valid() itself), so the
 * page is reported with the arbitrary message.
 */
#include <linux/mm.h>

unsigned long count_poisoned(void)
{
	unsigned long pfn, n = 0;
	int nid;

	for_each_online_node(nid) {
		pg_data_t *pgdat = NODE_DATA(nid);

		for_each_valid_pfn(pfn, pgdat->node_start_pfn, pgdat_end_pfn(pgdat)) {
			struct page *page = pfn_to_page(pfn);	/* expect-note: {{page obtained here from pfn_to_page()}} */

			if (PageHWPoison(page))			/* expect-warning: page-unguarded-deref {{used by PageHWPoison()}} */
				n++;
		}
	}
	return n;
}
