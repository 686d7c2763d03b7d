/*
 * page-rcu-escape, positive. Re-entering a new read-side section does not
 * revive the old guarantee: the memmap may have been invalidated between the
 * two sections, and pfn_active() was not checked again in the new one.
 */
#include <linux/mm.h>
#include <linux/rcupdate.h>

bool relock(unsigned long pfn)
{
	struct page *page;
	bool ret;

	rcu_read_lock();
	if (!pfn_active(pfn)) {			/* expect-note: {{pfn checked with pfn_active() here}} */
		rcu_read_unlock();
		return false;
	}
	page = pfn_to_page(pfn);		/* expect-note: {{page obtained here from pfn_to_page()}} */
	rcu_read_unlock();			/* expect-note: {{RCU read-side section ended here}} */
	cond_resched();
	rcu_read_lock();
	ret = PageReserved(page);		/* expect-warning: page-rcu-escape {{used by PageReserved() after rcu_read_unlock()}} */
	rcu_read_unlock();
	return ret;
}
