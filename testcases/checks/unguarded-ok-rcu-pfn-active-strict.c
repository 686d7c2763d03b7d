/*
 * page-unguarded-deref, negative, strict policy. The RCU pfn_active()
 * protocol is a guarantee under both policies; under strict,
 * pfn_to_online_page() called inside rcu_read_lock() counts as the same
 * protocol (it is pfn_active() && zone != ZONE_DEVICE in the proposal of
 * seed pfn-to-online-page-zone-device-rcu-pfn-active).
 * pagelife-args: --policy=strict
 */
#include <linux/mm.h>
#include <linux/rcupdate.h>
#include <linux/memory_hotplug.h>

int strict_active_nid(unsigned long pfn)
{
	int nid = NUMA_NO_NODE;

	rcu_read_lock();
	if (likely(pfn_active(pfn)))
		nid = page_to_nid(pfn_to_page(pfn));
	rcu_read_unlock();
	return nid;
}

bool strict_online_under_rcu(unsigned long pfn)
{
	struct page *page;
	bool ret = false;

	rcu_read_lock();
	page = pfn_to_online_page(pfn);
	if (page)
		ret = PageHWPoison(page);
	rcu_read_unlock();
	return ret;
}
