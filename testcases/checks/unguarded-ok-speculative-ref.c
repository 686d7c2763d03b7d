/*
 * page-unguarded-deref, negative. A successful speculative reference makes
 * the page safe: "if (!get_page_unless_zero(page)) continue;" in a pfn walk,
 * try_get_page() in an if, folio_try_get() on the page_folio() relation
 * with a goto on failure (the folio reference also covers the page it came
 * from). get_page() on a page already referenced is fine.
 */
#include <linux/mm.h>

unsigned long count_active(unsigned long start, unsigned long end)
{
	unsigned long pfn, n = 0;

	for (pfn = start; pfn < end; pfn++) {
		struct page *page;

		if (!pfn_valid(pfn))
			continue;
		page = pfn_to_page(pfn);
		if (!get_page_unless_zero(page))
			continue;
		if (PageLRU(page) && PageActive(page))
			n++;
		get_page(page);
		put_page(page);
		put_page(page);
	}
	return n;
}

int try_ref(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);
	int ret = 0;

	if (try_get_page(page)) {
		ret = page_zonenum(page);
		put_page(page);
	}
	return ret;
}

int folio_ref(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);
	struct folio *folio = page_folio(page);
	int ret;

	if (!folio_try_get(folio))
		goto out_busy;
	ret = folio_test_lru(folio) + PageHWPoison(page);
	folio_put(folio);
	return ret;
out_busy:
	return -EBUSY;
}
