/*
 * page-rcu-escape, positive. Read-side sections nest: the inner
 * rcu_read_unlock() does not end the outer section, so the use between the
 * two unlocks is fine; the use after the outer unlock escapes, and the note
 * points at the outer unlock.
 */
#include <linux/mm.h>
#include <linux/rcupdate.h>

static void helper_under_rcu(void)
{
	rcu_read_lock();
	rcu_read_unlock();
}

int nested(unsigned long pfn)
{
	struct page *page;
	int ret;

	rcu_read_lock();
	if (!pfn_active(pfn)) {			/* expect-note: {{pfn checked with pfn_active() here}} */
		rcu_read_unlock();
		return -ENOENT;
	}
	page = pfn_to_page(pfn);		/* expect-note: {{page obtained here from pfn_to_page()}} */
	rcu_read_lock();
	helper_under_rcu();
	rcu_read_unlock();
	ret = PageDirty(page);
	rcu_read_unlock();			/* expect-note: {{RCU read-side section ended here}} */
	ret += PageLRU(page);			/* expect-warning: page-rcu-escape {{'page' is used by PageLRU() after rcu_read_unlock()}} */
	return ret;
}
