/*
 * page-unguarded-deref, positive. A ?: picks either a freshly allocated
 * page (owned) or the page of an arbitrary pfn; the join is as weak as its
 * weakest arm. The NULL check is not a guarantee for the pfn_to_page() arm.
 * Only the pfn_to_page() page is reported (the allocated one is owned).
 */
/* pagelife-args: --checks=-page-ref-leak
 * (the reference is released under a correlated condition the analysis
 * does not follow; this case is about page-unguarded-deref) */
#include <linux/mm.h>

int mark_target(unsigned long pfn, bool fresh)
{
	struct page *page;

	page = fresh ? alloc_page(GFP_KERNEL)
		     : pfn_to_page(pfn);	/* expect-note: {{page obtained here from pfn_to_page()}} */
	if (!page)
		return -ENOMEM;
	SetPageReferenced(page);		/* expect-warning: page-unguarded-deref {{'page' comes from an arbitrary pfn and is used by SetPageReferenced()}} */
	if (fresh)
		__free_page(page);
	return 0;
}
