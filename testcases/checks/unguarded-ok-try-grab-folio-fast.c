/*
 * page-unguarded-deref, negative.  6.12 renamed GUP-fast's speculative grab
 * try_grab_folio_fast() (mm/gup.c, a static helper).  Its body reads the
 * page (is_pci_p2pdma_page(), is_zero_page()) before the grab, so without a
 * rule its summary made the call a use of a lockless pte_page().  The rule
 * for the 6.1 name covers it: success (a non-NULL folio) makes the page safe
 * to read.  Triage 6.12, pattern P31.
 */
#include <linux/pgtable.h>

extern bool is_pci_p2pdma_page(const struct page *page);
extern bool is_zero_page(struct page *page);

static struct folio *try_grab_folio_fast(struct page *page, int refs, unsigned int flags)
{
	struct folio *folio;

	if (is_pci_p2pdma_page(page))
		return NULL;
	if (is_zero_page(page))
		return page_folio(page);
	folio = page_folio(page);
	if (!folio_try_get(folio))
		return NULL;
	return folio;
}

int gup_one(pte_t pte, struct page **pages, unsigned int flags)
{
	struct page *page = pte_page(pte);
	struct folio *folio = try_grab_folio_fast(page, 1, flags);

	if (!folio)
		return 0;
	if (PageReserved(page))
		return 0;
	pages[0] = page;
	return 1;
}

