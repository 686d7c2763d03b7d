/* SPDX-License-Identifier: GPL-2.0 */
/* pagelife test headers: zones, nodes, pfn_valid() and pfn iterators. */
#ifndef _LINUX_MMZONE_H
#define _LINUX_MMZONE_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/nodemask.h>
#include <linux/mm_types.h>

enum zone_type {
	ZONE_DMA,
	ZONE_DMA32,
	ZONE_NORMAL,
	ZONE_MOVABLE,
	ZONE_DEVICE,
	__MAX_NR_ZONES
};
#define MAX_NR_ZONES	__MAX_NR_ZONES

struct pglist_data;

struct zone {
	unsigned long zone_start_pfn;
	unsigned long spanned_pages;
	unsigned long present_pages;
	struct pglist_data *zone_pgdat;
	const char *name;
};

typedef struct pglist_data {
	struct zone node_zones[MAX_NR_ZONES];
	int nr_zones;
	unsigned long node_start_pfn;
	unsigned long node_spanned_pages;
	int node_id;
} pg_data_t;

extern struct pglist_data *node_data[];
#define NODE_DATA(nid)		(node_data[nid])

static inline unsigned long zone_end_pfn(const struct zone *zone)
{
	return zone->zone_start_pfn + zone->spanned_pages;
}

static inline unsigned long pgdat_end_pfn(pg_data_t *pgdat)
{
	return pgdat->node_start_pfn + pgdat->node_spanned_pages;
}

#define zone_idx(zone)		((zone) - (zone)->zone_pgdat->node_zones)

/* A memmap exists for pfn: says nothing about it being initialised or staying. */
extern int pfn_valid(unsigned long pfn);

/* The proposal in the seeds: the memmap of pfn is initialised and active. */
extern bool pfn_active(unsigned long pfn);

extern unsigned long first_valid_pfn(unsigned long pfn, unsigned long end_pfn);
extern unsigned long next_valid_pfn(unsigned long pfn, unsigned long end_pfn);

#define for_each_valid_pfn(pfn, start_pfn, end_pfn)			\
	for ((pfn) = first_valid_pfn((start_pfn), (end_pfn));		\
	     (pfn) < (end_pfn);						\
	     (pfn) = next_valid_pfn((pfn), (end_pfn)))

#define for_each_populated_zone(zone)					\
	for (zone = (first_online_pgdat())->node_zones;			\
	     zone;							\
	     zone = next_zone(zone))

extern struct pglist_data *first_online_pgdat(void);
extern struct zone *next_zone(struct zone *zone);

/* as the kernel's mmzone.h (6.1 and 6.12): a statement expression whose
 * page never reaches the caller; page_to_nid() is in linux/mm.h */
#ifdef CONFIG_NUMA
#define pfn_to_nid(pfn)							\
({									\
	unsigned long __pfn_to_nid_pfn = (pfn);				\
	page_to_nid(pfn_to_page(__pfn_to_nid_pfn));			\
})
#else
#define pfn_to_nid(pfn)		(0)
#endif

/* as the kernel's mmzone.h: pfn_to_online_page() is visible wherever mm.h is */
#include <linux/memory_hotplug.h>

#endif /* _LINUX_MMZONE_H */
