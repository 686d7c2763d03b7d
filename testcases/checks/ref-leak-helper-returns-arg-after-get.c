/*
 * page-ref-leak (triage 6.12 P28, the other side). A helper that returns its
 * argument only after get_page_unless_zero() succeeded (6.12
 * folio_get_nontail_page()) gives its caller a reference with a non-NULL
 * result: forgetting to drop it is a leak; the NULL path owes nothing.
 */
#include <linux/mm.h>

static inline struct folio *get_nontail(struct page *page)
{
	if (!get_page_unless_zero(page))
		return NULL;
	return (struct folio *)page;
}

int probe_pfn(unsigned long pfn)
{
	struct folio *folio = get_nontail(pfn_to_page(pfn)); /* expect-note: {{reference taken here}} */

	if (!folio)
		return 0;
	return 1; /* expect-warning: page-ref-leak {{taken by get_nontail() is not released}} */
}
