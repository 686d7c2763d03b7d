/*
 * page-rcu-escape, positive. The escape follows aliases and relations: a
 * copy of the pointer (p2 = page) and the page_folio() of the page,
 * taken inside the section and used after it. One obtained page, so one
 * warning, at the first use after the unlock.
 */
#include <linux/mm.h>
#include <linux/rcupdate.h>

int folio_after_unlock(unsigned long pfn)
{
	struct page *page, *p2;
	struct folio *folio;

	rcu_read_lock();
	if (!pfn_active(pfn)) {			/* expect-note: {{pfn checked with pfn_active() here}} */
		rcu_read_unlock();
		return -ENOENT;
	}
	page = pfn_to_page(pfn);		/* expect-note: {{page obtained here from pfn_to_page()}} */
	p2 = page;
	folio = page_folio(p2);
	rcu_read_unlock();			/* expect-note: {{RCU read-side section ended here}} */
	if (folio_test_lru(folio))		/* expect-warning: page-rcu-escape {{used by folio_test_lru() after rcu_read_unlock()}} */
		return 1;
	return PageDirty(p2);
}
