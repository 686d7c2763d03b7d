/*
 * page-use-after-put, negative (kernel: mm/filemap.c
 * folio_wait_bit_common()).  The folio is put only when `behavior ==
 * DROP`, and the way back to `repeat:` is taken only when `behavior ==
 * EXCLUSIVE`: a parameter tested against constants keeps the paths apart,
 * so the use after `repeat:` never follows the put.
 */
#include <linux/mm.h>

enum behavior { EXCLUSIVE, SHARED, DROP };

extern int woken(void);
extern int retry_lock(void);
extern void folio_set_waiters(struct folio *folio);

int wait_on_bit(struct folio *folio, enum behavior behavior)
{
repeat:
	folio_set_waiters(folio);
	if (behavior == DROP)
		folio_put(folio);
	for (;;) {
		if (!woken())
			continue;
		if (behavior != EXCLUSIVE)
			break;
		if (retry_lock())
			goto repeat;
		break;
	}
	return 0;
}
