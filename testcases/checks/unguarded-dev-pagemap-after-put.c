/*
 * page-unguarded-deref, positive. get_dev_pagemap(pfn, NULL) keeps the
 * ZONE_DEVICE memmap of pfn alive until put_dev_pagemap() (seed
 * pfn-to-online-page-zone-device-rcu-pfn-active: "add_to_kill(): safe,
 * protected by get_dev_pagemap()"). The use before the put is fine; the use
 * after it is on an arbitrary page again.
 */
#include <linux/mm.h>
#include <linux/memremap.h>

int device_page_nid(unsigned long pfn)
{
	struct dev_pagemap *pgmap;
	struct page *page;
	bool priv;

	pgmap = get_dev_pagemap(pfn, NULL);
	if (!pgmap)
		return -ENODEV;
	page = pfn_to_page(pfn);		/* expect-note: {{page obtained here from pfn_to_page()}} */
	priv = is_device_private_page(page);
	put_dev_pagemap(pgmap);			/* expect-note: {{the guarantee ended here with put_dev_pagemap()}} */
	if (priv)
		return NUMA_NO_NODE;
	return page_to_nid(page);		/* expect-warning: page-unguarded-deref {{comes from an arbitrary pfn and is used by page_to_nid()}} */
}
