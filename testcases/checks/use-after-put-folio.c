/*
 * page-use-after-put, positive. The folio form: filemap_get_folio()
 * (NULL on a miss in 6.1) and folio_put(), then folio->mapping compared
 * afterwards to detect truncation -- too late, the folio may have been
 * freed and reused.
 */
#include <linux/mm.h>
#include <linux/pagemap.h>

bool folio_still_cached(struct address_space *mapping, pgoff_t index)
{
	struct folio *folio;
	bool dirty;

	folio = filemap_get_folio(mapping, index);	/* expect-note: {{page obtained here from filemap_get_folio()}} */
	if (!folio)
		return false;
	dirty = folio_test_dirty(folio);
	folio_put(folio);				/* expect-note: {{reference dropped here}} */
	return !dirty && folio->mapping == mapping;	/* expect-warning: page-use-after-put {{'folio' is used by '->mapping' after folio_put() dropped the reference this code held}} */
}
