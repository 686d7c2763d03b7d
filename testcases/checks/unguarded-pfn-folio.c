/*
 * page-unguarded-deref, positive. pfn_folio() is a source like pfn_to_page()
 * (seed pfn-to-online-page-zone-device-rcu-pfn-active): the folio of an
 * arbitrary pfn is arbitrary and folio_test_lru() reads it.
 */
#include <linux/mm.h>

bool pfn_on_lru(unsigned long pfn)
{
	struct folio *folio;

	folio = pfn_folio(pfn);			/* expect-note: {{page obtained here from pfn_folio()}} */
	return folio_test_lru(folio);		/* expect-warning: page-unguarded-deref {{'folio' comes from an arbitrary pfn and is used by folio_test_lru()}} */
}
