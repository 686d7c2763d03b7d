/*
 * page-zone-device-unref, negative. The same soft_offline_page() after the
 * series in seed pfn-to-online-page-zone-device-rcu-pfn-active: the pfn goes
 * through pfn_to_online_page(), which never returns a ZONE_DEVICE page
 * ("pfn_to_online_page() = pfn_active() && zone != ZONE_DEVICE"). The
 * remaining is_zone_device_page() test is then on an online page of normal
 * memory; how long that stays online is page-unguarded-deref's business
 * under --policy=strict, not this check's.
 */
#include <linux/mm.h>
#include <linux/memory_hotplug.h>

extern int __soft_offline_page(struct page *page, int flags);

int soft_offline_online_pfn(unsigned long pfn, int flags)
{
	struct page *page;

	page = pfn_to_online_page(pfn);
	if (!page)
		return -EIO;
	if (WARN_ON_ONCE(is_zone_device_page(page)))
		return -EIO;
	return __soft_offline_page(page, flags);
}

/* kpageflags style: the device check on each online page of a walk */
unsigned long count_device_in_range(unsigned long start, unsigned long end)
{
	unsigned long pfn, n = 0;

	for (pfn = start; pfn < end; pfn++) {
		struct page *page = pfn_to_online_page(pfn);

		if (page && is_zone_device_page(page))
			n++;
	}
	return n;
}
