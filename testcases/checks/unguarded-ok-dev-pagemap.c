/*
 * page-unguarded-deref, negative. get_dev_pagemap(pfn, NULL) returning
 * non-NULL pins the ZONE_DEVICE memmap of pfn until put_dev_pagemap()
 * (seed pfn-to-online-page-zone-device-rcu-pfn-active: "add_to_kill(): safe,
 * protected by get_dev_pagemap()"); the uses sit between the two.
 */
#include <linux/mm.h>
#include <linux/memremap.h>

int device_page_kind(unsigned long pfn)
{
	struct dev_pagemap *pgmap;
	struct page *page;
	int ret;

	pgmap = get_dev_pagemap(pfn, NULL);
	if (unlikely(!pgmap))
		return -ENODEV;
	page = pfn_to_page(pfn);
	if (!is_zone_device_page(page)) {
		ret = -EINVAL;
		goto out;
	}
	ret = is_device_private_page(page) ? 1 : page_pgmap(page)->type;
out:
	put_dev_pagemap(pgmap);
	return ret;
}
