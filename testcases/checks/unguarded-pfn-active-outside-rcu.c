/*
 * page-unguarded-deref, positive (pfn_active outside RCU). pfn_active() is
 * only a guarantee while the RCU read-side section in which it was checked
 * is still open (seed pfn-to-online-page-zone-device-rcu-pfn-active: the
 * offlining side clears the bit, then synchronize_rcu(), then invalidates the
 * memmap). Checked with no rcu_read_lock() at all, it protects nothing.
 */
#include <linux/mm.h>
#include <linux/rcupdate.h>

bool active_reserved(unsigned long pfn)
{
	struct page *page;

	if (!pfn_active(pfn))			/* expect-note: {{pfn_active() checked here outside an RCU read-side section}} */
		return false;
	page = pfn_to_page(pfn);		/* expect-note: {{page obtained here from pfn_to_page()}} */
	return PageReserved(page);		/* expect-warning: page-unguarded-deref {{'page' is used by PageReserved() after a pfn_active() check made outside rcu_read_lock(); the memmap can be removed concurrently}} */
}
