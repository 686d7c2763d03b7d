/*
 * page-unguarded-deref, positive. Joins keep the weaker guarantee: the
 * reference is only taken on one branch of an if/else, so after the join
 * the page may be unreferenced and arbitrary. Reported once, at the first
 * use after the join.
 */
/* pagelife-args: --checks=-page-ref-leak
 * (the reference is released under a correlated condition the analysis
 * does not follow; this case is about page-unguarded-deref) */
#include <linux/mm.h>

bool page_is_lru_maybe_ref(unsigned long pfn, bool want_ref)
{
	struct page *page = pfn_to_page(pfn);	/* expect-note: {{page obtained here from pfn_to_page()}} */
	bool ret;

	if (want_ref) {
		if (!get_page_unless_zero(page))
			return false;
	} else {
		pr_debug("peeking at pfn %lu\n", pfn);
	}
	ret = PageLRU(page);			/* expect-warning: page-unguarded-deref {{'page' comes from an arbitrary pfn and is used by PageLRU()}} */
	if (ret && PageActive(page))
		ret = false;
	if (want_ref)
		put_page(page);
	return ret;
}
