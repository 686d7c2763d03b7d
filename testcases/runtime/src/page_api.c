// SPDX-License-Identifier: GPL-2.0
/*
 * page_api.c - the kernel-named page functions: references, folios, flag
 * tests, zone and node, and the page allocator's front end.
 *
 * Each function is a preemption point (rt_enter), validates the struct page
 * pointer and the memmap behind it (rt_check_page), then acts on the ledger.
 * Reads of a poisoned memmap return what the kernel would read (the 0xff
 * pattern); writes and reference changes on it are recorded and skipped.
 */
#include "rt_internal.h"

#define CALLER __builtin_return_address(0)

static struct page *pg(struct rt_machine *m, unsigned long pfn) { return &m->vmemmap[pfn]; }

/* ---- references ----------------------------------------------------------- */

static void get_at(const void *caller, const char *api, struct page *page)
{
	struct rt_machine *m = rt_enter(caller, api);
	bool ok;
	unsigned long pfn = rt_check_page(m, page, &ok);
	if (pfn != RT_NO_PFN && ok) {
		unsigned long head = rt_head_pfn(m, pfn);
		if (pg(m, head)->_refcount.counter <= 0)
			rt_violation(m, RT_V_USE_AFTER_FREE, head, RT_NONE,
				     "%s() on a page with refcount %d", api,
				     pg(m, head)->_refcount.counter);
		else
			rt_ref_get(m, head, RT_H_REF);
	}
	rt_leave(m);
}

static void put_at(const void *caller, const char *api, struct page *page)
{
	struct rt_machine *m = rt_enter(caller, api);
	bool ok;
	unsigned long pfn = rt_check_page(m, page, &ok);
	if (pfn != RT_NO_PFN && ok)
		rt_ref_put(m, rt_head_pfn(m, pfn));
	rt_leave(m);
}

/* get_page_unless_zero() semantics; try_get additionally WARNs on zero. */
static bool tryget_at(const void *caller, const char *api, struct page *page, bool warn)
{
	struct rt_machine *m = rt_enter(caller, api);
	bool ok, got = false;
	unsigned long pfn = rt_check_page(m, page, &ok);
	if (pfn != RT_NO_PFN && ok) {
		unsigned long head = rt_head_pfn(m, pfn);
		if (pg(m, head)->_refcount.counter > 0) {
			rt_ref_get(m, head, RT_H_REF);
			got = true;
		} else if (warn) {
			rt_violation(m, RT_V_USE_AFTER_FREE, head, RT_NONE,
				     "%s() on a page with refcount 0", api);
		}
	}
	rt_leave(m);
	return got;
}

void get_page(struct page *page) { get_at(CALLER, "get_page", page); }
void put_page(struct page *page) { put_at(CALLER, "put_page", page); }
bool get_page_unless_zero(struct page *page)
{
	return tryget_at(CALLER, "get_page_unless_zero", page, false);
}
bool try_get_page(struct page *page) { return tryget_at(CALLER, "try_get_page", page, true); }
void folio_get(struct folio *folio) { get_at(CALLER, "folio_get", &folio->page); }
void folio_put(struct folio *folio) { put_at(CALLER, "folio_put", &folio->page); }
bool folio_try_get(struct folio *folio)
{
	return tryget_at(CALLER, "folio_try_get", &folio->page, false);
}

void release_pages(struct page **pages, int nr)
{
	for (int i = 0; i < nr; i++)
		put_at(CALLER, "release_pages", pages[i]);
}

/* A read of one int-sized field, returning what the memmap holds. */
enum rd { RD_COUNT, RD_REFCOUNT, RD_PINNED, RD_NR_PAGES, RD_LARGE };

static long read_at(const void *caller, const char *api, const struct page *page, enum rd what)
{
	struct rt_machine *m = rt_enter(caller, api);
	bool ok;
	long v = 0;
	unsigned long pfn = rt_check_page(m, page, &ok);
	if (pfn != RT_NO_PFN) {
		unsigned long head = ok ? rt_head_pfn(m, pfn) : pfn;
		const struct page *h = pg(m, head);
		bool large = ok && m->meta[head].compound;
		switch (what) {
		case RD_COUNT:
			v = h->_refcount.counter;
			break;
		case RD_REFCOUNT:
			v = pg(m, pfn)->_refcount.counter;
			break;
		case RD_PINNED:
			v = large ? h->_pincount.counter > 0
				  : (unsigned int)h->_refcount.counter >= GUP_PIN_COUNTING_BIAS;
			break;
		case RD_NR_PAGES:
			v = large ? 1L << m->meta[head].order : 1;
			break;
		case RD_LARGE:
			v = large;
			break;
		}
	}
	rt_leave(m);
	return v;
}

int page_count(const struct page *page) { return (int)read_at(CALLER, "page_count", page, RD_COUNT); }
int page_ref_count(const struct page *page)
{
	return (int)read_at(CALLER, "page_ref_count", page, RD_REFCOUNT);
}
bool page_maybe_dma_pinned(struct page *page)
{
	return read_at(CALLER, "page_maybe_dma_pinned", page, RD_PINNED);
}
int folio_ref_count(const struct folio *folio)
{
	return (int)read_at(CALLER, "folio_ref_count", &folio->page, RD_COUNT);
}
bool folio_maybe_dma_pinned(struct folio *folio)
{
	return read_at(CALLER, "folio_maybe_dma_pinned", &folio->page, RD_PINNED);
}
long folio_nr_pages(const struct folio *folio)
{
	return read_at(CALLER, "folio_nr_pages", &folio->page, RD_NR_PAGES);
}
bool folio_test_large(const struct folio *folio)
{
	return read_at(CALLER, "folio_test_large", &folio->page, RD_LARGE);
}

struct folio *page_folio(const struct page *page)
{
	struct rt_machine *m = rt_enter(CALLER, "page_folio");
	bool ok;
	unsigned long pfn = rt_check_page(m, page, &ok);
	struct folio *f = (struct folio *)page;
	if (pfn != RT_NO_PFN && ok)
		f = (struct folio *)pg(m, rt_head_pfn(m, pfn));
	rt_leave(m);
	return f;
}

struct page *folio_page(struct folio *folio, unsigned long n)
{
	struct rt_machine *m = rt_enter(CALLER, "folio_page");
	rt_leave(m);
	return &folio->page + n;        /* arithmetic only, as nth_page() */
}

unsigned long folio_pfn(const struct folio *folio)
{
	struct rt_machine *m = rt_enter(CALLER, "folio_pfn");
	bool ok;
	unsigned long pfn = rt_check_page(m, &folio->page, &ok);
	rt_leave(m);
	return pfn;
}

void *folio_address(const struct folio *folio)
{
	struct rt_machine *m = rt_enter(CALLER, "folio_address");
	bool ok;
	void *v = NULL;
	unsigned long pfn = rt_check_page(m, &folio->page, &ok);
	if (pfn != RT_NO_PFN) {
		if (ok && rt_page_is_free(m, pfn))
			rt_violation(m, RT_V_USE_AFTER_FREE, pfn, RT_NONE, "address of a free folio");
		v = rt_pfn_data(m, pfn);
	}
	rt_leave(m);
	return v;
}

/* ---- flags ---------------------------------------------------------------- */

/* Flags of the page (own) or of its head (PF_HEAD policy in the kernel). */
static bool test_at(const void *caller, const char *api, const struct page *page, int bit,
		    bool head_policy)
{
	struct rt_machine *m = rt_enter(caller, api);
	bool ok, v = false;
	unsigned long pfn = rt_check_page(m, page, &ok);
	if (pfn != RT_NO_PFN) {
		unsigned long p = ok && head_policy ? rt_head_pfn(m, pfn) : pfn;
		if (bit < 0)
			v = pg(m, p)->compound_head & 1;
		else
			v = pg(m, p)->flags >> bit & 1;
	}
	rt_leave(m);
	return v;
}

bool PageReserved(const struct page *p) { return test_at(CALLER, "PageReserved", p, PG_reserved, false); }
bool PageDirty(const struct page *p) { return test_at(CALLER, "PageDirty", p, PG_dirty, true); }
bool PageLocked(const struct page *p) { return test_at(CALLER, "PageLocked", p, PG_locked, true); }
bool PageUptodate(const struct page *p) { return test_at(CALLER, "PageUptodate", p, PG_uptodate, true); }
bool PageLRU(const struct page *p) { return test_at(CALLER, "PageLRU", p, PG_lru, true); }
bool PageSlab(const struct page *p) { return test_at(CALLER, "PageSlab", p, PG_slab, true); }
bool PageHead(const struct page *p) { return test_at(CALLER, "PageHead", p, PG_head, false); }
bool PageTail(const struct page *p) { return test_at(CALLER, "PageTail", p, -1, false); }
bool PageBuddy(const struct page *p) { return test_at(CALLER, "PageBuddy", p, PG_buddy, false); }
bool PageAnon(const struct page *p) { return test_at(CALLER, "PageAnon", p, PG_anon, true); }
bool PageCompound(const struct page *p)
{
	return test_at(CALLER, "PageCompound", p, PG_head, false) ||
	       test_at(CALLER, "PageCompound", p, -1, false);
}
bool folio_test_dirty(const struct folio *f)
{
	return test_at(CALLER, "folio_test_dirty", &f->page, PG_dirty, true);
}

/* Writes: refused (and recorded) on poison; dirtying a free page is a UAF. */
static bool set_at(const void *caller, const char *api, struct page *page, int bit, bool set,
		   bool need_ref)
{
	struct rt_machine *m = rt_enter(caller, api);
	bool ok, was = false;
	unsigned long pfn = rt_check_page(m, page, &ok);
	if (pfn != RT_NO_PFN && ok) {
		unsigned long p = bit == PG_reserved ? pfn : rt_head_pfn(m, pfn);
		if (need_ref && rt_page_is_free(m, p))
			rt_violation(m, RT_V_USE_AFTER_FREE, p, RT_NONE, "%s() of a free page", api);
		was = pg(m, p)->flags >> bit & 1;
		if (set)
			pg(m, p)->flags |= 1UL << bit;
		else
			pg(m, p)->flags &= ~(1UL << bit);
	}
	rt_leave(m);
	return was;
}

void SetPageReserved(struct page *p) { set_at(CALLER, "SetPageReserved", p, PG_reserved, true, false); }
void ClearPageReserved(struct page *p) { set_at(CALLER, "ClearPageReserved", p, PG_reserved, false, false); }
void SetPageDirty(struct page *p) { set_at(CALLER, "SetPageDirty", p, PG_dirty, true, true); }
void ClearPageDirty(struct page *p) { set_at(CALLER, "ClearPageDirty", p, PG_dirty, false, true); }
bool set_page_dirty(struct page *p) { return !set_at(CALLER, "set_page_dirty", p, PG_dirty, true, true); }
int set_page_dirty_lock(struct page *p)
{
	return !set_at(CALLER, "set_page_dirty_lock", p, PG_dirty, true, true);
}

/* ---- zone, node, ZONE_DEVICE ---------------------------------------------- */

static unsigned long zone_bits(struct rt_machine *m, const struct page *page, bool *ok,
			       unsigned long *pfn)
{
	*pfn = rt_check_page(m, page, ok);
	if (*pfn == RT_NO_PFN)
		return RT_ZONES_MASK;
	return pg(m, *pfn)->flags >> RT_ZONES_SHIFT & RT_ZONES_MASK;
}

struct zone *page_zone(const struct page *page)
{
	struct rt_machine *m = rt_enter(CALLER, "page_zone");
	bool ok;
	unsigned long pfn, z = zone_bits(m, page, &ok, &pfn);
	struct zone *zone = z < __MAX_NR_ZONES ? &m->zones[z] : &m->poison_zone;
	rt_leave(m);
	return zone;
}

enum zone_type page_zonenum(const struct page *page)
{
	struct rt_machine *m = rt_enter(CALLER, "page_zonenum");
	bool ok;
	unsigned long pfn, z = zone_bits(m, page, &ok, &pfn);
	rt_leave(m);
	return (enum zone_type)z;
}

int page_to_nid(const struct page *page)
{
	struct rt_machine *m = rt_enter(CALLER, "page_to_nid");
	bool ok;
	unsigned long pfn = rt_check_page(m, page, &ok);
	int nid = pfn == RT_NO_PFN ? -1 : (int)(pg(m, pfn)->flags >> RT_NODES_SHIFT & RT_NODES_MASK);
	rt_leave(m);
	return nid;
}

bool is_zone_device_page(const struct page *page)
{
	struct rt_machine *m = rt_enter(CALLER, "is_zone_device_page");
	bool ok;
	unsigned long pfn, z = zone_bits(m, page, &ok, &pfn);
	rt_leave(m);
	return z == ZONE_DEVICE;
}

struct dev_pagemap *page_pgmap(const struct page *page)
{
	struct rt_machine *m = rt_enter(CALLER, "page_pgmap");
	bool ok;
	unsigned long pfn, z = zone_bits(m, page, &ok, &pfn);
	struct dev_pagemap *pgmap = ok && z == ZONE_DEVICE ? pg(m, pfn)->pgmap : NULL;
	rt_leave(m);
	return pgmap;
}

bool is_device_private_page(const struct page *page)
{
	struct rt_machine *m = rt_enter(CALLER, "is_device_private_page");
	bool ok;
	unsigned long pfn, z = zone_bits(m, page, &ok, &pfn);
	bool v = ok && z == ZONE_DEVICE && pg(m, pfn)->pgmap &&
		 pg(m, pfn)->pgmap->type == MEMORY_DEVICE_PRIVATE;
	rt_leave(m);
	return v;
}

bool is_migrate_cma_page(const struct page *page)
{
	struct rt_machine *m = rt_enter(CALLER, "is_migrate_cma_page");
	bool ok;
	unsigned long pfn = rt_check_page(m, page, &ok);
	bool v = ok && m->sec[rt_pfn_section(m, pfn)].zone == RT_ZONE_CMA;
	rt_leave(m);
	return v;
}

bool zone_is_movable(const struct zone *zone)
{
	return zone && zone->zone_idx == ZONE_MOVABLE;
}

/* ---- the page allocator --------------------------------------------------- */

static struct page *alloc_at(const void *caller, const char *api, gfp_t gfp, unsigned int order)
{
	struct rt_machine *m = rt_enter(caller, api);
	long pfn = rt_alloc_pages(m, gfp, order, RT_H_ALLOC);
	rt_leave(m);
	return pfn == RT_NONE ? NULL : &m->vmemmap[pfn];
}

struct page *alloc_pages(gfp_t gfp, unsigned int order) { return alloc_at(CALLER, "alloc_pages", gfp, order); }
struct page *alloc_page(gfp_t gfp) { return alloc_at(CALLER, "alloc_page", gfp, 0); }
struct folio *folio_alloc(gfp_t gfp, unsigned int order)
{
	return (struct folio *)alloc_at(CALLER, "folio_alloc", gfp | __GFP_COMP, order);
}

static unsigned long addr_at(const void *caller, const char *api, gfp_t gfp, unsigned int order)
{
	struct rt_machine *m = rt_enter(caller, api);
	long pfn = rt_alloc_pages(m, gfp, order, RT_H_ALLOC);
	rt_leave(m);
	return pfn == RT_NONE ? 0 : (unsigned long)rt_pfn_data(m, (unsigned long)pfn);
}

unsigned long __get_free_pages(gfp_t gfp, unsigned int order)
{
	return addr_at(CALLER, "__get_free_pages", gfp, order);
}
unsigned long __get_free_page(gfp_t gfp) { return addr_at(CALLER, "__get_free_page", gfp, 0); }
unsigned long get_zeroed_page(gfp_t gfp) { return addr_at(CALLER, "get_zeroed_page", gfp | __GFP_ZERO, 0); }

static void free_pfn(struct rt_machine *m, unsigned long pfn, unsigned int order)
{
	if (rt_page_is_free(m, pfn)) {
		rt_violation(m, RT_V_DOUBLE_FREE, pfn, RT_NONE, "%s() of a free page", m->site_api);
		return;
	}
	if (m->vmemmap[pfn].compound_head & 1 || m->meta[pfn].order != order)
		rt_violation(m, RT_V_BAD_ARG, pfn, RT_NONE, "%s() order %u, allocated as order %u",
			     m->site_api, order, m->meta[rt_head_pfn(m, pfn)].order);
	rt_ref_put(m, rt_head_pfn(m, pfn));
}

static void free_page_at(const void *caller, const char *api, struct page *page, unsigned int order)
{
	struct rt_machine *m = rt_enter(caller, api);
	bool ok;
	unsigned long pfn = rt_check_page(m, page, &ok);
	if (pfn != RT_NO_PFN && ok)
		free_pfn(m, pfn, order);
	rt_leave(m);
}

void __free_pages(struct page *page, unsigned int order) { free_page_at(CALLER, "__free_pages", page, order); }
void __free_page(struct page *page) { free_page_at(CALLER, "__free_page", page, 0); }

static void free_addr_at(const void *caller, const char *api, unsigned long addr, unsigned int order)
{
	struct rt_machine *m = rt_enter(caller, api);
	const unsigned char *a = (const unsigned char *)addr;
	if (!addr) {
		/* free_pages(0) is allowed */
	} else if (a < m->phys || a >= m->phys + m->nr_pfns * PAGE_SIZE || (addr & ~PAGE_MASK)) {
		rt_violation(m, RT_V_BAD_PAGE, RT_NO_PFN, RT_NONE, "%s() of %#lx", api, addr);
	} else {
		bool ok;
		unsigned long pfn = rt_check_page(m, &m->vmemmap[(unsigned long)(a - m->phys) / PAGE_SIZE], &ok);
		if (ok)
			free_pfn(m, pfn, order);
	}
	rt_leave(m);
}

void free_pages(unsigned long addr, unsigned int order) { free_addr_at(CALLER, "free_pages", addr, order); }
void free_page(unsigned long addr) { free_addr_at(CALLER, "free_page", addr, 0); }
