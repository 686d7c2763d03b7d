/*
 * page-rcu-escape, positive. Uses inside the section are fine; the first use
 * after the unlock is reported, once, although the page is used again later.
 * page-unguarded-deref does not also report it: the escape is the finding.
 */
#include <linux/mm.h>
#include <linux/rcupdate.h>

int zone_and_nid(unsigned long pfn, int *nid)
{
	struct page *page = NULL;
	int zonenum = -1;

	rcu_read_lock();
	if (pfn_active(pfn)) {			/* expect-note: {{pfn checked with pfn_active() here}} */
		page = pfn_to_page(pfn);	/* expect-note: {{page obtained here from pfn_to_page()}} */
		zonenum = page_zonenum(page);
	}
	rcu_read_unlock();			/* expect-note: {{RCU read-side section ended here}} */
	if (!page)
		return -ENOENT;
	*nid = page_to_nid(page);		/* expect-warning: page-rcu-escape {{'page' is used by page_to_nid() after rcu_read_unlock()}} */
	if (PageReserved(page))
		return -EPERM;
	return zonenum;
}
