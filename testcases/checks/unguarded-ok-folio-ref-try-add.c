/*
 * page-unguarded-deref, negative (Linux 6.12 naming). folio_ref_try_add()
 * is the 6.12 name of folio_ref_try_add_rcu(): a speculative reference of
 * several counts, designed for a folio that may be freed. On success the
 * folio is this code's and may be read; it is put when done.
 */
#include <linux/mm.h>

int folio_order_of_pfn(unsigned long pfn, int refs)
{
	struct folio *folio = page_folio(pfn_to_page(pfn));
	int ret = -1;

	if (folio_ref_try_add(folio, refs)) {
		ret = folio_test_large(folio);
		folio_put_refs(folio, refs);
	}
	return ret;
}
