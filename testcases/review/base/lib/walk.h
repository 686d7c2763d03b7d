/* How the walkers in lib/ turn a pfn into a page. */
#ifndef LIB_WALK_H
#define LIB_WALK_H

#include <linux/mm.h>
#include <linux/memory_hotplug.h>

#define walk_pfn_to_page(pfn) pfn_to_online_page(pfn)

#endif
