/*
 * page-zone-device-unref, positive. is_zone_device_page() and page_pgmap()
 * read the struct page of a pfn nobody holds: the device memory behind it can
 * be unplugged (memunmap_pages()) and its memmap and dev_pagemap freed while
 * we look. Dan Williams' audit in seed pfn-to-online-page-zone-device-rcu-
 * pfn-active calls such users "unsafe": they "do not appear to have any
 * protections against the device page being removed (get_dev_pagemap())".
 * The specific check reports these calls; page-unguarded-deref stays quiet
 * on them (the kind of the call is the whole point).
 */
#include <linux/mm.h>
#include <linux/memremap.h>

bool pfn_is_device_memory(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);	/* expect-note: {{page obtained here from pfn_to_page()}} */

	return is_zone_device_page(page);	/* expect-warning: page-zone-device-unref {{is_zone_device_page() on 'page' without a reference or get_dev_pagemap() for its pfn: the device memory can be unplugged and its memmap freed meanwhile}} */
}

void *pfn_device_owner(unsigned long pfn)
{
	struct page *page;
	struct dev_pagemap *pgmap;

	page = pfn_to_page(pfn);		/* expect-note: {{page obtained here from pfn_to_page()}} */
	pgmap = page_pgmap(page);		/* expect-warning: page-zone-device-unref {{page_pgmap() on 'page' without a reference or get_dev_pagemap() for its pfn}} */
	return pgmap ? pgmap->owner : NULL;
}
