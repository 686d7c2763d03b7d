/* SPDX-License-Identifier: GPL-2.0 */
/*
 * pagelife test headers: the subset of <linux/mm.h> the checker's rules
 * know. Written from scratch: sources (pfn_to_page, ...), references
 * (get_page, put_page, get_page_unless_zero, ...), consumers (page_zone,
 * page_to_nid, page_count, ...) and GUP/pin entry points. Consumers are
 * static inlines with bodies, as in the kernel; lookups are extern.
 */
#ifndef _LINUX_MM_H
#define _LINUX_MM_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/kernel.h>
#include <linux/bug.h>
#include <linux/err.h>
#include <linux/pfn.h>
#include <asm/page.h>
#include <linux/mm_types.h>
#include <linux/page-flags.h>
#include <linux/mmzone.h>
#include <linux/gfp.h>

/* ---- pfn / physical address / virtual address -> page ---------------- */
#ifdef CONFIG_SPARSEMEM_VMEMMAP
/* as asm-generic/memory_model.h and x86's pgtable_64_types.h: memmap
 * arithmetic, no call left after preprocessing */
extern unsigned long vmemmap_base;
#define VMEMMAP_START		vmemmap_base
#define vmemmap			((struct page *)VMEMMAP_START)
#define __pfn_to_page(pfn)	(vmemmap + (pfn))
#define pfn_to_page __pfn_to_page
#else
extern struct page *pfn_to_page(unsigned long pfn);
#endif
extern unsigned long page_to_pfn(const struct page *page);
extern struct page *virt_to_page(const void *kaddr);
extern struct page *virt_to_head_page(const void *kaddr);
extern struct page *phys_to_page(phys_addr_t phys);
extern phys_addr_t page_to_phys(const struct page *page);
extern struct page *pte_page(pte_t pte);

static inline unsigned long pte_pfn(pte_t pte)
{
	return pte.pte >> PAGE_SHIFT;
}

static inline pte_t ptep_get(pte_t *ptep)
{
	return READ_ONCE(*ptep);
}

static inline struct folio *pfn_folio(unsigned long pfn)
{
	return page_folio(pfn_to_page(pfn));
}

static inline unsigned long folio_pfn(const struct folio *folio)
{
	return page_to_pfn(&folio->page);
}

#ifdef CONFIG_SPARSEMEM_NO_VMEMMAP
/* SPARSEMEM without a virtually contiguous memmap: nth_page goes via the pfn. */
#define nth_page(page, n)	pfn_to_page(page_to_pfn((page)) + (n))
#else
#define nth_page(page, n)	((page) + (n))
#endif

/* ---- reading the struct page: consumers -------------------------------- */
#define NODES_PGSHIFT	(64 - 6)
#define ZONES_PGSHIFT	(NODES_PGSHIFT - 3)

static inline enum zone_type page_zonenum(const struct page *page)
{
	return (enum zone_type)((page->flags >> ZONES_PGSHIFT) & 7);
}

static inline int page_to_nid(const struct page *page)
{
	return (int)(page->flags >> NODES_PGSHIFT);
}

static inline struct zone *page_zone(const struct page *page)
{
	return &NODE_DATA(page_to_nid(page))->node_zones[page_zonenum(page)];
}

static inline int folio_nid(const struct folio *folio)
{
	return page_to_nid(&folio->page);
}

static inline bool is_zone_device_page(const struct page *page)
{
	return page_zonenum(page) == ZONE_DEVICE;
}

static inline bool folio_is_zone_device(const struct folio *folio)
{
	return is_zone_device_page(&folio->page);
}

static inline int page_ref_count(const struct page *page)
{
	return page->_refcount.counter;
}

static inline int folio_ref_count(const struct folio *folio)
{
	return page_ref_count(&folio->page);
}

static inline int page_count(const struct page *page)
{
	return folio_ref_count(page_folio(page));
}

static inline int page_mapcount(struct page *page)
{
	return page->_mapcount.counter + 1;
}

static inline unsigned int folio_order(const struct folio *folio)
{
	if (!folio_test_large(folio))
		return 0;
	return folio->_flags_1 & 0xff;
}

static inline long folio_nr_pages(const struct folio *folio)
{
	return 1L << folio_order(folio);
}

extern void *page_address(const struct page *page);
#define folio_address(folio)	page_address(&(folio)->page)

/* ---- references ------------------------------------------------------- */
extern void folio_get(struct folio *folio);
extern void folio_put(struct folio *folio);
extern bool folio_try_get(struct folio *folio);

static inline void get_page(struct page *page)
{
	folio_get(page_folio(page));
}

static inline void put_page(struct page *page)
{
	folio_put(page_folio(page));
}

extern bool get_page_unless_zero(struct page *page);
extern bool try_get_page(struct page *page);
extern bool folio_ref_try_add(struct folio *folio, int count);	/* 6.12: was folio_ref_try_add_rcu() */
extern void release_pages(struct page **pages, int nr);
extern void folio_put_refs(struct folio *folio, int refs);
extern int put_page_testzero(struct page *page);

/* ---- GUP and pins: kernel 6.1 signatures and FOLL_* values -------------- */
#define FOLL_WRITE	0x01	/* check pte is writable */
#define FOLL_TOUCH	0x02	/* mark page accessed */
#define FOLL_GET	0x04	/* do get_page on page */
#define FOLL_DUMP	0x08	/* give error on hole if it would be zero */
#define FOLL_FORCE	0x10	/* get_user_pages read/write w/o permission */
#define FOLL_NOWAIT	0x20	/* if a disk transfer is needed, start the IO */
#define FOLL_NOFAULT	0x80	/* do not fault in pages */
#define FOLL_HWPOISON	0x100	/* check page is hwpoisoned */
#define FOLL_ANON	0x8000	/* don't do file mappings */
#define FOLL_LONGTERM	0x10000	/* mapping lifetime is indefinite: see below */
#define FOLL_SPLIT_PMD	0x20000	/* split huge pmd before returning */
#define FOLL_PIN	0x40000	/* pages must be released via unpin_user_page */
#define FOLL_FAST_ONLY	0x80000	/* gup_fast: prevent fall-back to slow gup */

struct file;

extern long get_user_pages(unsigned long start, unsigned long nr_pages,
			   unsigned int gup_flags, struct page **pages,
			   struct vm_area_struct **vmas);
extern int get_user_pages_fast(unsigned long start, int nr_pages,
			       unsigned int gup_flags, struct page **pages);
extern int get_user_pages_fast_only(unsigned long start, int nr_pages,
				    unsigned int gup_flags, struct page **pages);
extern long get_user_pages_remote(struct mm_struct *mm, unsigned long start,
				  unsigned long nr_pages, unsigned int gup_flags,
				  struct page **pages, struct vm_area_struct **vmas,
				  int *locked);
extern long get_user_pages_unlocked(unsigned long start, unsigned long nr_pages,
				    struct page **pages, unsigned int gup_flags);
extern long pin_user_pages(unsigned long start, unsigned long nr_pages,
			   unsigned int gup_flags, struct page **pages,
			   struct vm_area_struct **vmas);
extern int pin_user_pages_fast(unsigned long start, int nr_pages,
			       unsigned int gup_flags, struct page **pages);
extern int pin_user_pages_fast_only(unsigned long start, int nr_pages,
				    unsigned int gup_flags, struct page **pages);
extern long pin_user_pages_remote(struct mm_struct *mm, unsigned long start,
				  unsigned long nr_pages, unsigned int gup_flags,
				  struct page **pages, struct vm_area_struct **vmas,
				  int *locked);
extern long pin_user_pages_unlocked(unsigned long start, unsigned long nr_pages,
				    struct page **pages, unsigned int gup_flags);
extern void unpin_user_page(struct page *page);
extern void unpin_user_pages(struct page **pages, unsigned long npages);
extern void unpin_user_pages_dirty_lock(struct page **pages, unsigned long npages,
					bool make_dirty);
extern void unpin_user_page_range_dirty_lock(struct page *page, unsigned long npages,
					     bool make_dirty);
extern void unpin_folio(struct folio *folio);
extern void unpin_folios(struct folio **folios, unsigned long nfolios);
/* Newer than 6.1 (6.11), declared here for the longterm cases. */
extern long memfd_pin_folios(struct file *memfd, loff_t start, loff_t end,
			     struct folio **folios, unsigned int max_folios,
			     pgoff_t *offset);

extern int set_page_dirty(struct page *page);
extern int set_page_dirty_lock(struct page *page);
extern bool folio_mark_dirty(struct folio *folio);
extern void folio_lock(struct folio *folio);
extern void folio_unlock(struct folio *folio);
extern void mark_page_accessed(struct page *page);
extern void lock_page(struct page *page);
extern void unlock_page(struct page *page);

#endif /* _LINUX_MM_H */
