/*
 * page-rcu-escape, positive, strict policy. Under strict, a
 * pfn_to_online_page() page found inside rcu_read_lock() is protected by the
 * RCU pfn_active() protocol (pfn_to_online_page() = pfn_active() && zone !=
 * ZONE_DEVICE in seed pfn-to-online-page-zone-device-rcu-pfn-active), so
 * its use after the unlock escapes. There is no pfn_active() call, so no
 * "pfn checked with pfn_active()" note. Under mainline the same code is fine
 * (rcu-escape-ok-online-page-mainline.c).
 * pagelife-args: --policy=strict
 */
#include <linux/mm.h>
#include <linux/rcupdate.h>
#include <linux/memory_hotplug.h>

int online_after_unlock(unsigned long pfn)
{
	struct page *page;

	rcu_read_lock();
	page = pfn_to_online_page(pfn);		/* expect-note: {{page obtained here from pfn_to_online_page()}} */
	rcu_read_unlock();			/* expect-note: {{RCU read-side section ended here}} */
	if (!page)
		return -ENOENT;
	return page_zonenum(page);		/* expect-warning: page-rcu-escape {{used by page_zonenum() after rcu_read_unlock()}} */
}
