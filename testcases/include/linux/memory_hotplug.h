/* SPDX-License-Identifier: GPL-2.0 */
/* pagelife test headers: memory hotplug: online pfn lookups and the hotplug lock. */
#ifndef _LINUX_MEMORY_HOTPLUG_H
#define _LINUX_MEMORY_HOTPLUG_H

#include <linux/mm.h>

/* Returns the page if its memmap is online (not ZONE_DEVICE), else NULL. */
extern struct page *pfn_to_online_page(unsigned long pfn);

/* Read side of the memory hotplug lock. */
extern void get_online_mems(void);
extern void put_online_mems(void);

/* Write side of the memory hotplug lock. */
extern void mem_hotplug_begin(void);
extern void mem_hotplug_done(void);

#endif /* _LINUX_MEMORY_HOTPLUG_H */
