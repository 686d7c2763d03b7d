/*
 * page-unguarded-deref, positive. A goto jumps over the reference acquisition
 * to a label where the page is used: the label joins a guarded and an
 * unguarded path.
 */
/* pagelife-args: --checks=-page-ref-leak
 * (the reference is released under a correlated condition the analysis
 * does not follow; this case is about page-unguarded-deref) */
#include <linux/mm.h>

int inspect(unsigned long pfn, bool fast)
{
	struct page *page = pfn_to_page(pfn);	/* expect-note: {{page obtained here from pfn_to_page()}} */
	int ret;

	if (fast)
		goto inspect;
	if (!get_page_unless_zero(page))
		goto out;
inspect:
	ret = PageWriteback(page);		/* expect-warning: page-unguarded-deref {{'page' comes from an arbitrary pfn and is used by PageWriteback()}} */
	if (!fast)
		put_page(page);
	return ret;
out:
	return -EBUSY;
}
