/*
 * page-zone-device-unref, positive. A physical address from a device
 * register / IOMMU entry is turned into a page with PHYS_PFN() and
 * pfn_to_page() and asked whether it is device-private memory. An address
 * from hardware is an arbitrary page (seed rust-page-borrow-physaddr-
 * crashdump: only memory "known to be allocated and pinned" may be
 * borrowed by physical address), and a ZONE_DEVICE one needs its pgmap
 * held (seed pfn-to-online-page-zone-device-rcu-pfn-active). The
 * `do { } while (0)` and ?: forms are seen through.
 */
#include <linux/mm.h>
#include <linux/memremap.h>

struct iommu_entry {
	u64 phys;
	u32 flags;
};

#define ENTRY_VALID	0x1

int entry_target_kind(struct iommu_entry *e)
{
	unsigned long pfn;
	struct page *page;

	if (!(e->flags & ENTRY_VALID))
		return -EINVAL;
	pfn = PHYS_PFN(e->phys);
	page = pfn_to_page(pfn);		/* expect-note: {{page obtained here from pfn_to_page()}} */
	do {
		if (!page)
			return -EFAULT;
	} while (0);
	return is_device_private_page(page) ? 1 : 0;	/* expect-warning: page-zone-device-unref {{is_device_private_page() on 'page' without a reference or get_dev_pagemap() for its pfn}} */
}
