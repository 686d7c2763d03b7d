/*
 * page-zone-device-unref, negative. The gup "devmap" walker idiom
 * (__gup_device_huge() in mm/gup.c): get_dev_pagemap(pfn, pgmap) is called
 * for every pfn with the previous pgmap as a cache - it returns the same
 * pgmap, still referenced, when it covers the pfn, and swaps it otherwise -
 * and one put_dev_pagemap() after the loop drops what is left. Each page is
 * queried and referenced while its pfn's pgmap is held. Seed
 * pfn-to-online-page-zone-device-rcu-pfn-active: "safe, protected by
 * get_dev_pagemap()". The references go to the caller's array.
 */
#include <linux/mm.h>
#include <linux/memremap.h>

int gup_device_range(unsigned long pfn, int nr, struct page **pages)
{
	struct dev_pagemap *pgmap = NULL;
	int i, n = 0;

	for (i = 0; i < nr; i++, pfn++) {
		struct page *page;

		pgmap = get_dev_pagemap(pfn, pgmap);
		if (unlikely(!pgmap))
			break;
		page = pfn_to_page(pfn);
		if (!is_zone_device_page(page) || !try_get_page(page))
			break;
		pages[n++] = page;
	}
	if (pgmap)
		put_dev_pagemap(pgmap);
	return n;
}
