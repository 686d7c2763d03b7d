/*
 * page-unguarded-deref, negative. && and || short-circuits: the operand
 * after a successful get_page_unless_zero()/try_get_page() only runs with
 * the reference held, and so does the body. A ?: on the reference result.
 * (What happens to the reference when the second operand is false is the
 * business of a later check, page-ref-leak, not of this one.)
 */
/* pagelife-args: --checks=-page-ref-leak
 * (this case is about page-unguarded-deref; its references are not the point) */
#include <linux/mm.h>

bool lru_with_ref(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);

	if (get_page_unless_zero(page) && PageLRU(page)) {
		SetPageReferenced(page);
		put_page(page);
		return true;
	}
	return false;
}

int not_ref_or(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);

	if (!try_get_page(page) || !PageDirty(page))
		return 0;
	put_page(page);
	return 1;
}

int ternary_ref(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);

	return get_page_unless_zero(page) ? page_to_nid(page) : NUMA_NO_NODE;
}
