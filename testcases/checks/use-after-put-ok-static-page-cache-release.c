/*
 * page-use-after-put, negative.  page_cache_release() was put_page()'s name
 * until 4.6; 6.12 reuses the name for a static LRU-removal helper in
 * mm/swap.c (__folio_put()) that releases nothing, so freeing the folio
 * after it is not a double put.  The old alias is not in the release rules.
 * Triage 6.12, pattern P29.
 */
#include <linux/mm.h>

extern void lru_del(struct folio *folio);
extern void free_unref_page(struct page *page, unsigned int order);

static void page_cache_release(struct folio *folio)
{
	if (folio_test_lru(folio))
		lru_del(folio);
}

void free_folio_last_ref(struct folio *folio)
{
	page_cache_release(folio);
	free_unref_page(&folio->page, folio_order(folio));
}
