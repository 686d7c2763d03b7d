/*
 * page-zone-device-unref, positive. The RCU pfn_active() protocol proposed in
 * seed pfn-to-online-page-zone-device-rcu-pfn-active keeps the *memmap*
 * readable until rcu_read_unlock(); it does not hold the *device*. What keeps
 * a ZONE_DEVICE page's device alive is its dev_pagemap's reference, taken by
 * get_dev_pagemap() (or indirectly by a reference on the page); without it
 * memunmap_pages() can be tearing the pgmap down while we follow
 * page_pgmap(page)->owner. So a zone-device query under RCU still needs
 * get_dev_pagemap() (or a page reference). page-unguarded-deref and
 * page-rcu-escape are both happy with this code.
 */
#include <linux/mm.h>
#include <linux/memremap.h>
#include <linux/rcupdate.h>

void *device_private_owner(unsigned long pfn)
{
	struct dev_pagemap *pgmap;
	struct page *page;
	void *owner = NULL;

	rcu_read_lock();
	if (pfn_active(pfn)) {
		page = pfn_to_page(pfn);	/* expect-note: {{page obtained here from pfn_to_page()}} */
		pgmap = page_pgmap(page);	/* expect-warning: page-zone-device-unref {{page_pgmap() on 'page' without a reference or get_dev_pagemap() for its pfn}} */
		if (pgmap && pgmap->type == MEMORY_DEVICE_PRIVATE)
			owner = pgmap->owner;
	}
	rcu_read_unlock();
	return owner;
}
