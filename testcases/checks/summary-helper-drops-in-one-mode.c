/*
 * page-use-after-put and summaries (kernel: mm/filemap.c
 * folio_wait_bit_common() called with SHARED by folio_wait_bit() and with
 * DROP by folio_put_wait_locked()).  A helper that puts the folio only in
 * one mode is summarised as a release when that integer argument is that
 * constant: callers passing SHARED keep their folio, a caller passing DROP
 * must not use it afterwards.
 */
#include <linux/mm.h>

enum behavior { EXCLUSIVE, SHARED, DROP };

extern void folio_set_waiters(struct folio *folio);
extern void sleep_a_while(void);

static int wait_common(struct folio *folio, enum behavior behavior)
{
	folio_set_waiters(folio);
	if (behavior == DROP)
		folio_put(folio);
	sleep_a_while();
	return 0;
}

void wait_shared(struct folio *folio)
{
	while (folio_test_locked(folio))
		wait_common(folio, SHARED);
}

void put_and_wait(struct folio *folio)
{
	wait_common(folio, DROP);		/* expect-note: {{reference dropped here}} */
	if (folio_test_locked(folio))		/* expect-warning: page-use-after-put {{'folio' is used by folio_test_locked() after wait_common() dropped the reference}} */
		sleep_a_while();
}
