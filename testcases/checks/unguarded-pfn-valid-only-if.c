/*
 * page-unguarded-deref, positive (pfn_valid-only message). The use sits in
 * the true branch of "if (pfn_valid(pfn))": pfn_valid() alone is not a
 * guarantee. The else branch does not touch the page.
 */
#include <linux/mm.h>

int pfn_to_nid_or_none(unsigned long pfn)
{
	int nid;

	if (pfn_valid(pfn)) {				/* expect-note: {{pfn checked only with pfn_valid() here}} */
		struct page *page = pfn_to_page(pfn);	/* expect-note: {{page obtained here from pfn_to_page()}} */

		nid = page_to_nid(page);		/* expect-warning: page-unguarded-deref {{'page' is used by page_to_nid() but its pfn was only checked with pfn_valid(), which does not guarantee an initialised memmap that stays present; use pfn_to_online_page()}} */
	} else {
		nid = NUMA_NO_NODE;
	}
	return nid;
}
