/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kernel_api.h - the kernel mm API as fixtures see it, executed on the
 * pagelife runtime model.
 *
 * Fixtures include this header instead of <linux/mm.h>.  The same fixture
 * source is parsed by pagelife (libclang) and executed on the model, so the
 * rules here are strict:
 *
 *   - every kernel function keeps its kernel name and a kernel-like
 *     signature, and is a real (extern) function: no macro renames a kernel
 *     name, so the checker sees exactly the calls the kernel would make;
 *   - the only macros are the ones that are macros in the kernel too
 *     (PAGE_SIZE, PHYS_PFN, GFP_*, FOLL_*, ...);
 *   - nothing here needs the runtime's private headers.
 *
 * The model finds the calling fixture function from the return address of
 * each call, so fixtures need no annotations.  Types are simplified where
 * the kernel's layout does not matter to page lifetime (see docs/runtime.md).
 */
#ifndef PAGELIFE_KERNEL_API_H
#define PAGELIFE_KERNEL_API_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- basic kernel types ------------------------------------------------ */
typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef u64 phys_addr_t;
typedef u64 dma_addr_t;
typedef unsigned int gfp_t;
typedef unsigned long pgoff_t;
typedef long loff_t;                /* same type glibc uses on LP64 */
typedef struct { int counter; } atomic_t;

#define PAGE_SHIFT 12
#define PAGE_SIZE (1UL << PAGE_SHIFT)
#define PAGE_MASK (~(PAGE_SIZE - 1))
#define PHYS_PFN(x) ((unsigned long)((x) >> PAGE_SHIFT))
#define PFN_PHYS(x) ((phys_addr_t)(x) << PAGE_SHIFT)
#define PFN_DOWN(x) ((x) >> PAGE_SHIFT)
#define PFN_UP(x) (((x) + PAGE_SIZE - 1) >> PAGE_SHIFT)
#define MAX_ERRNO 4095

/* ---- struct page, struct folio ----------------------------------------- */
struct address_space;
struct dev_pagemap;

/*
 * The fields the kernel's struct page has that matter for lifetime.  Flags
 * keep the zone and node in the high bits, as the kernel does, so a read of
 * a poisoned memmap (all bytes 0xff) yields the same nonsense it would in
 * the kernel.
 */
struct page {
	unsigned long flags;
	unsigned long compound_head;    /* bit 0 set: tail page; rest: head */
	struct address_space *mapping;
	pgoff_t index;
	unsigned long private;
	struct dev_pagemap *pgmap;      /* ZONE_DEVICE pages only */
	atomic_t _mapcount;
	atomic_t _refcount;
	atomic_t _pincount;             /* kernel keeps it in the folio's 2nd page */
	unsigned int _pad;
};

/* A folio is a head page; the model keeps the page inside it. */
struct folio {
	struct page page;
};

/* Zones.  CMA is a migratetype of ZONE_NORMAL pageblocks, as in the kernel. */
enum zone_type {
	ZONE_NORMAL,
	ZONE_MOVABLE,
	ZONE_DEVICE,
	__MAX_NR_ZONES
};

struct zone {
	const char *name;
	enum zone_type zone_idx;
	unsigned long managed_pages;
	unsigned long present_pages;
};

struct range {
	u64 start;
	u64 end;                        /* inclusive, as in the kernel */
};

enum memory_type {
	MEMORY_DEVICE_PRIVATE = 1,
	MEMORY_DEVICE_COHERENT,
	MEMORY_DEVICE_FS_DAX,
	MEMORY_DEVICE_GENERIC,
	MEMORY_DEVICE_PCI_P2PDMA,
};

struct dev_pagemap {
	enum memory_type type;
	struct range range;
	int nr_range;
	/* the model's bookkeeping (the kernel has a percpu_ref here) */
	int ref;
	int dying;
	unsigned int section;
	int holders;                    /* ledger list head, -1 if none */
};

struct file {
	struct address_space *f_mapping;
};

struct mm_struct;

/* ---- GFP and FOLL flags ------------------------------------------------ */
#define __GFP_DMA 0x01u
#define __GFP_HIGHMEM 0x02u
#define __GFP_MOVABLE 0x08u
#define __GFP_IO 0x40u
#define __GFP_FS 0x80u
#define __GFP_ZERO 0x100u
#define __GFP_DIRECT_RECLAIM 0x400u
#define __GFP_KSWAPD_RECLAIM 0x800u
#define __GFP_NOWARN 0x2000u
#define __GFP_COMP 0x40000u
#define __GFP_HARDWALL 0x100000u
#define __GFP_RECLAIM (__GFP_DIRECT_RECLAIM | __GFP_KSWAPD_RECLAIM)
#define GFP_ATOMIC (__GFP_KSWAPD_RECLAIM)
#define GFP_NOWAIT (__GFP_KSWAPD_RECLAIM)
#define GFP_KERNEL (__GFP_RECLAIM | __GFP_IO | __GFP_FS)
#define GFP_USER (GFP_KERNEL | __GFP_HARDWALL)
#define GFP_HIGHUSER (GFP_USER | __GFP_HIGHMEM)
#define GFP_HIGHUSER_MOVABLE (GFP_HIGHUSER | __GFP_MOVABLE)

#define FOLL_WRITE (1u << 0)
#define FOLL_GET (1u << 1)
#define FOLL_DUMP (1u << 2)
#define FOLL_FORCE (1u << 3)
#define FOLL_NOWAIT (1u << 4)
#define FOLL_NOFAULT (1u << 5)
#define FOLL_LONGTERM (1u << 8)
#define FOLL_PIN (1u << 17)

/* GUP_PIN_COUNTING_BIAS: what one pin adds to an order-0 page's refcount. */
#define GUP_PIN_COUNTING_BIAS (1U << 10)

/* ---- error pointers (inline functions in the kernel) ------------------- */
void *ERR_PTR(long error);
long PTR_ERR(const void *ptr);
bool IS_ERR(const void *ptr);
bool IS_ERR_OR_NULL(const void *ptr);

/* ---- pfn <-> page ------------------------------------------------------ */
int pfn_valid(unsigned long pfn);
struct page *pfn_to_page(unsigned long pfn);
unsigned long page_to_pfn(const struct page *page);
struct page *pfn_to_online_page(unsigned long pfn);
bool pfn_active(unsigned long pfn);             /* the RCU proposal (seed) */
struct page *phys_to_page(phys_addr_t phys);
phys_addr_t page_to_phys(const struct page *page);
struct page *virt_to_page(const void *addr);
void *page_address(const struct page *page);
void *kmap_local_page(struct page *page);
void kunmap_local(const void *addr);
void *kmap(struct page *page);
void kunmap(struct page *page);
struct page *compound_head(const struct page *page);

/* ---- references -------------------------------------------------------- */
void get_page(struct page *page);
void put_page(struct page *page);
bool get_page_unless_zero(struct page *page);
bool try_get_page(struct page *page);
int page_count(const struct page *page);
int page_ref_count(const struct page *page);
bool page_maybe_dma_pinned(struct page *page);
void release_pages(struct page **pages, int nr);

struct folio *page_folio(const struct page *page);
struct page *folio_page(struct folio *folio, unsigned long n);
void folio_get(struct folio *folio);
void folio_put(struct folio *folio);
bool folio_try_get(struct folio *folio);
int folio_ref_count(const struct folio *folio);
unsigned long folio_pfn(const struct folio *folio);
long folio_nr_pages(const struct folio *folio);
bool folio_test_large(const struct folio *folio);
bool folio_maybe_dma_pinned(struct folio *folio);
void *folio_address(const struct folio *folio);

/* ---- flags, zone, node ------------------------------------------------- */
bool PageReserved(const struct page *page);
bool PageDirty(const struct page *page);
bool PageLocked(const struct page *page);
bool PageUptodate(const struct page *page);
bool PageLRU(const struct page *page);
bool PageSlab(const struct page *page);
bool PageHead(const struct page *page);
bool PageTail(const struct page *page);
bool PageCompound(const struct page *page);
bool PageBuddy(const struct page *page);
bool PageAnon(const struct page *page);
void SetPageReserved(struct page *page);
void ClearPageReserved(struct page *page);
void SetPageDirty(struct page *page);
void ClearPageDirty(struct page *page);
bool set_page_dirty(struct page *page);
int set_page_dirty_lock(struct page *page);
bool folio_test_dirty(const struct folio *folio);

struct zone *page_zone(const struct page *page);
enum zone_type page_zonenum(const struct page *page);
int page_to_nid(const struct page *page);
bool is_zone_device_page(const struct page *page);
bool is_device_private_page(const struct page *page);
bool is_migrate_cma_page(const struct page *page);
struct dev_pagemap *page_pgmap(const struct page *page);
bool zone_is_movable(const struct zone *zone);

/* ---- the page allocator ------------------------------------------------ */
struct page *alloc_pages(gfp_t gfp, unsigned int order);
struct page *alloc_page(gfp_t gfp);
void __free_pages(struct page *page, unsigned int order);
void __free_page(struct page *page);
unsigned long __get_free_pages(gfp_t gfp, unsigned int order);
unsigned long __get_free_page(gfp_t gfp);
unsigned long get_zeroed_page(gfp_t gfp);
void free_pages(unsigned long addr, unsigned int order);
void free_page(unsigned long addr);
struct folio *folio_alloc(gfp_t gfp, unsigned int order);

/* ---- get_user_pages / pin_user_pages over current->mm ------------------ */
long get_user_pages(unsigned long start, unsigned long nr_pages,
		    unsigned int gup_flags, struct page **pages);
long pin_user_pages(unsigned long start, unsigned long nr_pages,
		    unsigned int gup_flags, struct page **pages);
int get_user_pages_fast(unsigned long start, int nr_pages,
			unsigned int gup_flags, struct page **pages);
int pin_user_pages_fast(unsigned long start, int nr_pages,
			unsigned int gup_flags, struct page **pages);
void unpin_user_page(struct page *page);
void unpin_user_pages(struct page **pages, unsigned long npages);
void unpin_user_pages_dirty_lock(struct page **pages, unsigned long npages,
				 bool make_dirty);
void unpin_folio(struct folio *folio);
void unpin_folios(struct folio **folios, unsigned long nfolios);

/* ---- page cache / memfd ------------------------------------------------ */
struct page *shmem_read_mapping_page(struct address_space *mapping,
				     pgoff_t index);
struct page *find_get_page(struct address_space *mapping, pgoff_t offset);
long memfd_pin_folios(struct file *memfd, loff_t start, loff_t end,
		      struct folio **folios, unsigned int max_folios,
		      pgoff_t *offset);

/* ---- ZONE_DEVICE, hotplug lock, RCU ------------------------------------ */
struct dev_pagemap *get_dev_pagemap(unsigned long pfn,
				    struct dev_pagemap *pgmap);
void put_dev_pagemap(struct dev_pagemap *pgmap);
bool pgmap_pfn_valid(struct dev_pagemap *pgmap, unsigned long pfn);
void get_online_mems(void);
void put_online_mems(void);
void mem_hotplug_begin(void);
void mem_hotplug_done(void);
void rcu_read_lock(void);
void rcu_read_unlock(void);
void synchronize_rcu(void);

/* ---- net: page_pool / devmem struct page look-alikes -------------------- */
typedef unsigned long netmem_ref;
struct net_iov {
	unsigned long pp_magic;
	unsigned long dma_addr;
	unsigned int index;
	atomic_t pp_ref_count;
};
typedef struct skb_frag {
	netmem_ref netmem;
	unsigned int len;
	unsigned int offset;
} skb_frag_t;

bool netmem_is_net_iov(netmem_ref netmem);
struct page *netmem_to_page(netmem_ref netmem);
struct net_iov *netmem_to_net_iov(netmem_ref netmem);
netmem_ref page_to_netmem(struct page *page);
netmem_ref net_iov_to_netmem(struct net_iov *niov);
struct page *skb_frag_page(const skb_frag_t *frag);
netmem_ref skb_frag_netmem(const skb_frag_t *frag);
bool skb_frag_is_net_iov(const skb_frag_t *frag);

#ifdef __cplusplus
}
#endif
#endif /* PAGELIFE_KERNEL_API_H */
