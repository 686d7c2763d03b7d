/*
 * page-zone-device-unref, positive. get_dev_pagemap() is taken on one path
 * only (the caller may already hold a pgmap and passes it in; the code only
 * looks one up when it does not). On the path where the caller's pgmap is
 * used, nothing ties it to this pfn, so after the join the page has the
 * weaker guarantee: none. Seed pfn-to-online-page-zone-device-rcu-pfn-active
 * ("protected by get_dev_pagemap()": the pgmap of *this* pfn).
 */
#include <linux/mm.h>
#include <linux/memremap.h>

bool pfn_is_device_private(unsigned long pfn, struct dev_pagemap *cached)
{
	struct dev_pagemap *pgmap = cached;
	struct page *page;
	bool ret;

	if (!pgmap) {
		pgmap = get_dev_pagemap(pfn, NULL);
		if (!pgmap)
			return false;
	}
	page = pfn_to_page(pfn);		/* expect-note: {{page obtained here from pfn_to_page()}} */
	ret = is_device_private_page(page);	/* expect-warning: page-zone-device-unref {{is_device_private_page() on 'page' without a reference or get_dev_pagemap() for its pfn}} */
	if (!cached)
		put_dev_pagemap(pgmap);
	return ret;
}
