/*
 * page-zone-device-unref, negative. memory_failure_dev_pagemap() style: the
 * pgmap of the pfn is held with get_dev_pagemap() from before the page is
 * looked up until after its last use, so the device memory cannot be
 * unplugged meanwhile. Dan Williams' audit (seed pfn-to-online-page-zone-
 * device-rcu-pfn-active): "add_to_kill(): safe, protected by
 * get_dev_pagemap() and dax_lock_page()". All three zone-device predicates
 * and page_pgmap() are used inside the window.
 */
#include <linux/mm.h>
#include <linux/memremap.h>

#ifndef ENXIO
#define ENXIO		6
#endif
#ifndef EOPNOTSUPP
#define EOPNOTSUPP		95
#endif

extern int mf_dax_kill_procs(struct page *page, int flags);

int memory_failure_dev_pagemap(unsigned long pfn, int flags)
{
	struct dev_pagemap *pgmap;
	struct page *page;
	int rc = -ENXIO;

	pgmap = get_dev_pagemap(pfn, NULL);
	if (!pgmap)
		return rc;
	page = pfn_to_page(pfn);
	if (!is_zone_device_page(page))
		goto out;
	if (is_device_private_page(page) ||
	    page_pgmap(page)->type == MEMORY_DEVICE_PCI_P2PDMA) {
		rc = -EOPNOTSUPP;
		goto out;
	}
	rc = mf_dax_kill_procs(page, flags);
out:
	put_dev_pagemap(pgmap);
	return rc;
}
