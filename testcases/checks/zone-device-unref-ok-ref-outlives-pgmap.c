/*
 * page-zone-device-unref, negative. The pgmap is held just long enough to
 * take a reference on the device page (the hmm/migrate shape: look the page
 * up under get_dev_pagemap(), try_get_page() it, drop the pgmap). The page
 * reference keeps the device page - and with it its pgmap - alive afterwards,
 * so the zone-device queries after put_dev_pagemap() are fine until the
 * put_page(). Seed pfn-to-online-page-zone-device-rcu-pfn-active:
 * "safe, page reference is held".
 */
#include <linux/mm.h>
#include <linux/memremap.h>

void *device_page_owner_ref(unsigned long pfn)
{
	struct dev_pagemap *pgmap;
	struct page *page;
	void *owner = NULL;

	pgmap = get_dev_pagemap(pfn, NULL);
	if (!pgmap)
		return NULL;
	page = pfn_to_page(pfn);
	if (!try_get_page(page)) {
		put_dev_pagemap(pgmap);
		return NULL;
	}
	put_dev_pagemap(pgmap);

	if (is_device_private_page(page))
		owner = page_pgmap(page)->owner;
	put_page(page);
	return owner;
}
