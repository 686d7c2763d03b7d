/*
 * page-rcu-escape, positive. The _bh and _sched flavours of the read-side
 * section behave the same: the pfn_active() guarantee ends at
 * rcu_read_unlock_bh()/rcu_read_unlock_sched().
 */
#include <linux/mm.h>
#include <linux/rcupdate.h>

bool bh_flavour(unsigned long pfn)
{
	struct page *page;

	rcu_read_lock_bh();
	if (!pfn_active(pfn)) {			/* expect-note: {{pfn checked with pfn_active() here}} */
		rcu_read_unlock_bh();
		return false;
	}
	page = pfn_to_page(pfn);		/* expect-note: {{page obtained here from pfn_to_page()}} */
	rcu_read_unlock_bh();			/* expect-note: {{RCU read-side section ended here}} */
	return PageSlab(page);			/* expect-warning: page-rcu-escape {{used by PageSlab() after rcu_read_unlock()}} */
}

bool sched_flavour(unsigned long pfn)
{
	struct page *page;

	rcu_read_lock_sched();
	if (!pfn_active(pfn)) {			/* expect-note: {{pfn checked with pfn_active() here}} */
		rcu_read_unlock_sched();
		return false;
	}
	page = pfn_to_page(pfn);		/* expect-note: {{page obtained here from pfn_to_page()}} */
	rcu_read_unlock_sched();		/* expect-note: {{RCU read-side section ended here}} */
	return PageHuge(page);			/* expect-warning: page-rcu-escape {{used by PageHuge() after rcu_read_unlock()}} */
}
