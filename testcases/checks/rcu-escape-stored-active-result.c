/*
 * page-rcu-escape, positive. The pfn_active() result is kept in a local and
 * the page is obtained inside the section; both are used after the unlock,
 * under "if (active)". The stored result refines like a direct test.
 */
#include <linux/mm.h>
#include <linux/rcupdate.h>

int node_of(unsigned long pfn)
{
	struct page *page = NULL;
	bool active;

	rcu_read_lock();
	active = pfn_active(pfn);		/* expect-note: {{pfn checked with pfn_active() here}} */
	if (active)
		page = pfn_to_page(pfn);	/* expect-note: {{page obtained here from pfn_to_page()}} */
	rcu_read_unlock();			/* expect-note: {{RCU read-side section ended here}} */
	if (!active)
		return NUMA_NO_NODE;
	return page_to_nid(page);		/* expect-warning: page-rcu-escape {{used by page_to_nid() after rcu_read_unlock()}} */
}
