/*
 * page-rcu-escape, positive. The page is validated with pfn_active() inside
 * an RCU read-side section, but used after rcu_read_unlock(): the offlining
 * side only waits for readers with synchronize_rcu() before it invalidates
 * the memmap (seed pfn-to-online-page-zone-device-rcu-pfn-active), so after
 * the unlock only a reference taken inside would keep the page. Notes at the
 * source, the pfn_active() check and the unlock that ended the section; the
 * early-return path's unlock is not the one on the path to the use.
 */
#include <linux/mm.h>
#include <linux/rcupdate.h>

bool reserved_after_unlock(unsigned long pfn)
{
	struct page *page;

	rcu_read_lock();
	if (!pfn_active(pfn)) {			/* expect-note: {{pfn checked with pfn_active() here}} */
		rcu_read_unlock();
		return false;
	}
	page = pfn_to_page(pfn);		/* expect-note: {{page obtained here from pfn_to_page()}} */
	rcu_read_unlock();			/* expect-note: {{RCU read-side section ended here}} */
	return PageReserved(page);		/* expect-warning: page-rcu-escape {{'page' is used by PageReserved() after rcu_read_unlock() ended the RCU read-side section that kept its memmap active; take a reference inside the section}} */
}
