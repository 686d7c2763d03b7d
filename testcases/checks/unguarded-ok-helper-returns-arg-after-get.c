/*
 * page-unguarded-deref, negative (triage 6.12 P28). A header inline that
 * returns its argument only after a successful speculative reference
 * (6.12 folio_get_nontail_page(): `if (!get_page_unless_zero(page)) return
 * NULL; return (struct folio *)page;`) hands the caller a page it holds
 * whenever the result is non-NULL. Its summary used to return the
 * argument's arbitrary level, so migrate_device_range() was reported at the
 * first use after the NULL test. The reference is the caller's: it is
 * dropped on both paths here, so page-ref-leak stays silent too.
 */
#include <linux/mm.h>

extern bool folio_trylock(struct folio *folio);

static inline struct folio *get_nontail(struct page *page)
{
	if (!get_page_unless_zero(page))
		return NULL;
	return (struct folio *)page;
}

int lock_pfn(unsigned long pfn)
{
	struct folio *folio = get_nontail(pfn_to_page(pfn));

	if (!folio)
		return 0;
	if (!folio_trylock(folio)) {
		folio_put(folio);
		return 0;
	}
	folio_unlock(folio);
	folio_put(folio);
	return 1;
}
