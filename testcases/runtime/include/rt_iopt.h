/* SPDX-License-Identifier: GPL-2.0 */
/*
 * rt_iopt.h - an IOMMU-style multi-level page table on the model.
 *
 * Shaped like the kernel's io-pgtable (ARM LPAE, 4 KiB granule): 4 levels
 * of 512 64-bit entries, 48-bit IOVA and output addresses, 2 MiB block
 * entries at level 2.  Table pages come from the model's page allocator and
 * live in its physical memory, so a fixture can walk the table by physical
 * address (crash-dump style) with pfn_to_page()/kmap_local_page() and the
 * model sees every step.
 */
#ifndef PAGELIFE_RT_IOPT_H
#define PAGELIFE_RT_IOPT_H

#include "kernel_api.h"

#ifdef __cplusplus
extern "C" {
#endif

#define IOMMU_READ (1 << 0)
#define IOMMU_WRITE (1 << 1)

#define RT_IOPT_LEVELS 4
#define RT_IOPT_ENTRIES 512
#define RT_IOPT_IAS 48
#define RT_IOPT_OAS 48
#define RT_IOPT_BLOCK_SIZE (1ULL << 21)

/* Entry format (like LPAE descriptors). */
#define RT_IOPTE_VALID (1ULL << 0)
#define RT_IOPTE_TABLE (1ULL << 1)      /* levels 0-2: next table; level 3: page */
#define RT_IOPTE_PROT_SHIFT 2           /* IOMMU_READ/IOMMU_WRITE << 2 */
#define RT_IOPTE_ADDR_MASK 0x0000fffffffff000ULL

struct rt_iopt;
struct rt_machine;

struct rt_iopt *rt_iopt_create(struct rt_machine *m);   /* NULL: -ENOMEM */
void rt_iopt_destroy(struct rt_iopt *pt);

/* 0, or -EINVAL (misaligned, zero size, bad prot), -ERANGE (beyond 48 bits),
 * -EEXIST (overlaps a mapping), -ENOMEM.  On error nothing changed. */
int rt_iopt_map(struct rt_iopt *pt, u64 iova, phys_addr_t paddr, u64 size, int prot);
/* Bytes unmapped (0 if nothing was mapped), or -EINVAL, -ERANGE, -ENOMEM
 * (splitting a block needs a table page).  On error nothing changed. */
long long rt_iopt_unmap(struct rt_iopt *pt, u64 iova, u64 size);
/* 0 if iova is not mapped (as the kernel's iova_to_phys). */
phys_addr_t rt_iopt_iova_to_phys(struct rt_iopt *pt, u64 iova);

/* Visit every leaf in IOVA order; a non-zero return from cb stops the walk
 * and is returned. */
typedef int (*rt_iopt_walk_fn)(u64 iova, phys_addr_t paddr, u64 size, int prot,
			       void *arg);
int rt_iopt_walk(struct rt_iopt *pt, rt_iopt_walk_fn cb, void *arg);

phys_addr_t rt_iopt_root_phys(struct rt_iopt *pt);
unsigned long rt_iopt_nr_tables(struct rt_iopt *pt);
/* Structural check: every non-root table non-empty and held by this table,
 * blocks aligned, table count right.  0 or -1 with a reason. */
int rt_iopt_check(struct rt_iopt *pt, char *why, size_t len);

#ifdef __cplusplus
}
#endif
#endif /* PAGELIFE_RT_IOPT_H */
