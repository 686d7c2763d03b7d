/*
 * page-unguarded-deref, positive. Two pages from two source calls are two
 * obtained pages: each gets its own warning and note, even when the second
 * is used first. A page from alloc_page() in the same function is owned and
 * not reported.
 */
#include <linux/mm.h>

int compare_pfns(unsigned long a_pfn, unsigned long b_pfn)
{
	struct page *a = pfn_to_page(a_pfn);	/* expect-note: {{page obtained here from pfn_to_page()}} */
	struct page *b = pfn_to_page(b_pfn);	/* expect-note: {{page obtained here from pfn_to_page()}} */
	struct page *mine = alloc_page(GFP_KERNEL);
	int ret;

	if (!mine)
		return -ENOMEM;
	SetPageDirty(mine);
	ret = page_zonenum(b);			/* expect-warning: page-unguarded-deref {{'b' comes from an arbitrary pfn and is used by page_zonenum()}} */
	ret -= page_zonenum(a);			/* expect-warning: page-unguarded-deref {{'a' comes from an arbitrary pfn and is used by page_zonenum()}} */
	ret += page_zonenum(b) + page_zonenum(mine);
	__free_page(mine);
	return ret;
}
