/*
 * page-rcu-escape and page-unguarded-deref, negative, mainline policy. The
 * mainline rule accepts a non-NULL pfn_to_online_page() on its own, so a
 * lookup made inside rcu_read_lock() and used after the unlock is not an
 * escape under mainline (compare rcu-escape-online-page-strict.c).
 */
#include <linux/mm.h>
#include <linux/rcupdate.h>
#include <linux/memory_hotplug.h>

int online_after_unlock(unsigned long pfn)
{
	struct page *page;

	rcu_read_lock();
	page = pfn_to_online_page(pfn);
	rcu_read_unlock();
	if (!page)
		return -ENOENT;
	return page_zonenum(page);
}
