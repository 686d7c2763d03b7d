/* SPDX-License-Identifier: GPL-2.0 */
/* pagelife test headers: ZONE_DEVICE page maps. */
#ifndef _LINUX_MEMREMAP_H
#define _LINUX_MEMREMAP_H

#include <linux/mm.h>

enum memory_type {
	MEMORY_DEVICE_PRIVATE = 1,
	MEMORY_DEVICE_COHERENT,
	MEMORY_DEVICE_FS_DAX,
	MEMORY_DEVICE_GENERIC,
	MEMORY_DEVICE_PCI_P2PDMA,
};

struct dev_pagemap {
	unsigned long vmemmap_shift;
	enum memory_type type;
	unsigned int flags;
	void *owner;
	int nr_range;
};

extern struct dev_pagemap *get_dev_pagemap(unsigned long pfn,
					   struct dev_pagemap *pgmap);
extern void put_dev_pagemap(struct dev_pagemap *pgmap);

static inline struct dev_pagemap *page_pgmap(const struct page *page)
{
	return page->pgmap;
}

static inline bool is_device_private_page(const struct page *page)
{
	return is_zone_device_page(page) &&
	       page_pgmap(page)->type == MEMORY_DEVICE_PRIVATE;
}

#endif /* _LINUX_MEMREMAP_H */
