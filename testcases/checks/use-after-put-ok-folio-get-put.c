/*
 * page-use-after-put, negative. folio_get()/folio_put() on a caller's folio
 * around the work, with the flag test inside the bracket; and a speculative
 * folio_try_get() whose failure path returns without touching the folio
 * (nothing was taken, nothing was dropped).
 */
#include <linux/mm.h>

extern void writeback_folio(struct folio *folio);

void kick_writeback(struct folio *folio)
{
	folio_get(folio);
	if (folio_test_dirty(folio))
		writeback_folio(folio);
	folio_put(folio);
}

int try_kick_writeback(struct folio *folio)
{
	if (!folio_try_get(folio))
		return -EAGAIN;
	folio_lock(folio);
	if (folio_test_dirty(folio))
		writeback_folio(folio);
	folio_unlock(folio);
	folio_put(folio);
	return 0;
}
