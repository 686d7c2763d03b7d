/*
 * page-unguarded-deref, positive (pfn_valid-only message). A ?: whose true
 * arm runs only after pfn_valid() was true. Spread over lines so that guard,
 * use and source are on different lines.
 */
#include <linux/mm.h>

int pfn_node(unsigned long pfn)
{
	return pfn_valid(pfn) ?			/* expect-note: {{pfn checked only with pfn_valid() here}} */
		page_to_nid(			/* expect-warning: page-unguarded-deref {{'pfn_to_page()' is used by page_to_nid() but its pfn was only checked with pfn_valid()}} */
			pfn_to_page(pfn)) :	/* expect-note: {{page obtained here from pfn_to_page()}} */
		NUMA_NO_NODE;
}
