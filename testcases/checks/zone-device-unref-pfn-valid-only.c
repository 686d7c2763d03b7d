/*
 * page-zone-device-unref, positive. The soft_offline_page() path from the
 * audit in seed pfn-to-online-page-zone-device-rcu-pfn-active, as it looked
 * before that series: a pfn written to sysfs is checked with pfn_valid()
 * only, and the page is asked is_zone_device_page(). pfn_valid() says a
 * memmap exists, not that the device memory stays: Dan Williams lists
 * "soft_offline_page(): unsafe". The message is the zone-device one, not
 * page-unguarded-deref's pfn_valid() message.
 */
#include <linux/mm.h>

#ifndef ENXIO
#define ENXIO		6
#endif

#define MF_COUNT_INCREASED	(1 << 0)

extern int __soft_offline_page(struct page *page, int flags);

int soft_offline_pfn(unsigned long pfn, int flags)
{
	struct page *page;

	if (!pfn_valid(pfn))
		return -ENXIO;
	page = pfn_to_page(pfn);		/* expect-note: {{page obtained here from pfn_to_page()}} */
	if (is_zone_device_page(page)) {	/* expect-warning: page-zone-device-unref {{is_zone_device_page() on 'page' without a reference or get_dev_pagemap() for its pfn}} */
		pr_debug("soft_offline: %#lx page is device page\n", pfn);
		return -EIO;
	}
	return __soft_offline_page(page, flags);
}
