/*
 * ZONE_DEVICE queries on pages computed from pfns.  is_zone_device_page()
 * reads page->flags, page_pgmap() follows the page to its dev_pagemap: for
 * device memory both go away when the driver unplugs it, unless a
 * reference on the page or get_dev_pagemap() for the pfn holds them.  RCU
 * keeps a memmap, not a device.  pagelife reports the first three
 * functions and accepts the last three.
 */
#include <linux/mm.h>
#include <linux/memremap.h>
#include <linux/memory_hotplug.h>
#include <linux/rcupdate.h>

extern int __soft_offline_page(struct page *page, int flags);

/* soft_offline_page() before the fix: a pfn from sysfs, pfn_valid() only */
int soft_offline_pfn(unsigned long pfn, int flags)
{
	struct page *page;

	if (!pfn_valid(pfn))
		return -EINVAL;
	page = pfn_to_page(pfn);
	if (is_zone_device_page(page))
		return -EIO;
	return __soft_offline_page(page, flags);
}

/* the pgmap is dropped before the query */
bool device_private_after_put(unsigned long pfn)
{
	struct dev_pagemap *pgmap = get_dev_pagemap(pfn, NULL);
	struct page *page;

	if (!pgmap)
		return false;
	page = pfn_to_page(pfn);
	put_dev_pagemap(pgmap);
	return is_device_private_page(page);
}

/* RCU pfn_active(): the memmap stays, the device does not */
bool device_private_rcu(unsigned long pfn)
{
	struct page *page;
	bool ret = false;

	rcu_read_lock();
	if (pfn_active(pfn)) {
		page = pfn_to_page(pfn);
		ret = is_device_private_page(page);
	}
	rcu_read_unlock();
	return ret;
}

/* the mainline fix: pfn_to_online_page() never returns ZONE_DEVICE pages */
int soft_offline_online_pfn(unsigned long pfn, int flags)
{
	struct page *page = pfn_to_online_page(pfn);

	if (!page)
		return -EIO;
	return __soft_offline_page(page, flags);
}

/* ZONE_DEVICE pfns: hold the pgmap across the lookup and every use */
int device_page_type(unsigned long pfn)
{
	struct dev_pagemap *pgmap;
	struct page *page;
	int type = -EINVAL;

	pgmap = get_dev_pagemap(pfn, NULL);
	if (!pgmap)
		return -ENODEV;
	page = pfn_to_page(pfn);
	if (is_zone_device_page(page))
		type = page_pgmap(page)->type;
	put_dev_pagemap(pgmap);
	return type;
}

/* or a reference: it keeps the device page, and so its pgmap */
bool user_page_is_device(unsigned long uaddr)
{
	struct page *page;
	bool dev;

	if (pin_user_pages_fast(uaddr, 1, 0, &page) <= 0)
		return false;
	dev = is_zone_device_page(page);
	unpin_user_page(page);
	return dev;
}
