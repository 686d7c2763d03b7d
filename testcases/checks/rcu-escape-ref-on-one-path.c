/*
 * page-rcu-escape, positive. A reference is taken inside the section on one
 * path only (when the caller asked for it); after the unlock the paths join
 * and the weaker state -- no reference, section ended -- wins. The failure
 * branch of get_page_unless_zero() is the other unreferenced path.
 */
#include <linux/mm.h>
#include <linux/rcupdate.h>

int maybe_ref(unsigned long pfn, bool take_ref)
{
	struct page *page;
	bool got = false;
	int ret;

	rcu_read_lock();
	if (!pfn_active(pfn)) {			/* expect-note: {{pfn checked with pfn_active() here}} */
		rcu_read_unlock();
		return -ENOENT;
	}
	page = pfn_to_page(pfn);		/* expect-note: {{page obtained here from pfn_to_page()}} */
	if (take_ref)
		got = get_page_unless_zero(page);
	rcu_read_unlock();			/* expect-note: {{RCU read-side section ended here}} */
	ret = PageMlocked(page);		/* expect-warning: page-rcu-escape {{used by PageMlocked() after rcu_read_unlock()}} */
	if (got)
		put_page(page);
	return ret;
}
