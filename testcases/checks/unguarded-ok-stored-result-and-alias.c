/*
 * page-unguarded-deref, negative. The result of get_page_unless_zero() kept
 * in a local and tested later refines the page like a direct test; a
 * reference taken through an alias (p2 = page) also makes the original
 * name safe, and a reference taken on the original makes the alias safe.
 */
#include <linux/mm.h>

int stored_result(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);
	bool ok;
	int ret;

	ok = get_page_unless_zero(page);
	if (!ok)
		return -EBUSY;
	ret = PageDirty(page);
	put_page(page);
	return ret;
}

int alias_ref(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);
	struct page *p2 = page;
	int ret;

	if (!get_page_unless_zero(p2))
		return -EBUSY;
	ret = PageLRU(page);
	ret += page_mapcount(p2);
	put_page(page);
	return ret;
}
