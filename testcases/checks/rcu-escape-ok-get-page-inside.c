/*
 * page-rcu-escape, negative. get_page() on a page that is already safe (here
 * by the RCU pfn_active() protocol) is allowed, and the reference it gives
 * outlives the read-side section.
 */
#include <linux/mm.h>
#include <linux/rcupdate.h>

struct page *active_page_get(unsigned long pfn)
{
	struct page *page = NULL;

	rcu_read_lock();
	if (pfn_active(pfn)) {
		page = pfn_to_page(pfn);
		get_page(page);
	}
	rcu_read_unlock();
	if (page && PageReserved(page)) {
		put_page(page);
		return NULL;
	}
	return page;
}
