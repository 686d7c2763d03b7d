/*
 * page-use-after-put, 6.12 form (kernel: mm/migrate_device.c
 * migrate_device_unmap()).  Later kernels made folio_isolate_lru() a bool,
 * true on success (6.1: an int, 0 on success).  The rules follow the
 * declaration's result type (`returns: bool`), so after a successful
 * isolation the put drops only "the reference we took in collect" and the
 * folio can still be used; after a failed one, a use is reported.
 * Triage 6.12, pattern P27.
 */
#include <linux/mm.h>
#include <linux/pagemap.h>

extern bool folio_isolate_lru(struct folio *folio);
extern bool folio_mapped(struct folio *folio);

int isolate_and_drop(struct address_space *mapping)
{
	struct folio *folio = filemap_get_folio(mapping, 0);

	if (!folio)
		return 0;
	if (!folio_isolate_lru(folio)) {
		folio_put(folio);
		return -EBUSY;
	}
	folio_put(folio);
	return folio_mapped(folio);
}

int drop_when_not_isolated(struct address_space *mapping)
{
	struct folio *folio = filemap_get_folio(mapping, 0);	/* expect-note: {{page obtained here from filemap_get_folio()}} */

	if (!folio)
		return 0;
	if (folio_isolate_lru(folio)) {
		folio_put(folio);
		return 1;
	}
	folio_put(folio);					/* expect-note: {{reference dropped here}} */
	return folio_mapped(folio);				/* expect-warning: page-use-after-put {{'folio' is used by folio_mapped() after folio_put()}} */
}
