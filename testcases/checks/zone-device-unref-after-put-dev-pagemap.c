/*
 * page-zone-device-unref, positive. get_dev_pagemap() protects the device
 * page only until put_dev_pagemap() (seed pfn-to-online-page-zone-device-
 * rcu-pfn-active: "protected by get_dev_pagemap()"). Here the pgmap is
 * dropped on the way out and the page is then asked is_device_private_page():
 * after the put nothing stops memunmap_pages() from freeing the memmap.
 * The first is_zone_device_page() inside the window is fine. Notes at the
 * source and at the put that ended the guarantee.
 */
#include <linux/mm.h>
#include <linux/memremap.h>

int device_page_kind_late(unsigned long pfn)
{
	struct dev_pagemap *pgmap;
	struct page *page;
	bool dev;

	pgmap = get_dev_pagemap(pfn, NULL);
	if (!pgmap)
		return -ENODEV;
	page = pfn_to_page(pfn);		/* expect-note: {{page obtained here from pfn_to_page()}} */
	dev = is_zone_device_page(page);
	put_dev_pagemap(pgmap);			/* expect-note: {{the guarantee ended here with put_dev_pagemap()}} */
	if (!dev)
		return 0;
	return is_device_private_page(page) ? 2 : 1;	/* expect-warning: page-zone-device-unref {{is_device_private_page() on 'page' without a reference or get_dev_pagemap() for its pfn}} */
}
