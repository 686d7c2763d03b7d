// SPDX-License-Identifier: GPL-2.0
/*
 * iopt.c - an io-pgtable-like IOMMU page table whose tables are pages of
 * the model.
 *
 * Every operation that can fail first checks and plans (overlap, how many
 * table pages it needs), allocates all of them, and only then writes, so a
 * failed map or unmap leaves the table exactly as it was.  Tables that
 * become empty are freed; the root is never freed.
 */
#include <stdlib.h>
#include <string.h>
#include "rt_internal.h"

#define CALLER __builtin_return_address(0)
#define LEAF_PROT(pte) ((int)(((pte) >> RT_IOPTE_PROT_SHIFT) & 3))

struct rt_iopt {
	struct rt_machine *m;
	unsigned long root;
	unsigned long nr_tables;
	u64 empty[RT_IOPT_ENTRIES];     /* what a dead table reads as */
};

struct pool {
	unsigned long *pfn;
	size_t n, used;
};

static unsigned int lvl_shift(int l) { return PAGE_SHIFT + 9 * (RT_IOPT_LEVELS - 1 - l); }
static unsigned int lvl_idx(u64 iova, int l) { return (iova >> lvl_shift(l)) & (RT_IOPT_ENTRIES - 1); }
static bool is_table(u64 pte, int l) { return l < RT_IOPT_LEVELS - 1 && (pte & RT_IOPTE_TABLE); }
static unsigned long next_pfn(u64 pte) { return PHYS_PFN(pte & RT_IOPTE_ADDR_MASK); }

/* A table, read through the model: a freed or poisoned table page is a
 * violation (and reads as empty) rather than a crash. */
static u64 *tbl(struct rt_iopt *pt, unsigned long pfn)
{
	struct rt_machine *m = pt->m;
	if (pfn >= m->nr_pfns || !rt_pfn_initialised(m, pfn) || m->meta[pfn].state != RT_P_USED) {
		rt_violation(m, RT_V_USE_AFTER_FREE, pfn < m->nr_pfns ? pfn : RT_NO_PFN, RT_NONE,
			     "page-table walk reached a page that is not a live table");
		memset(pt->empty, 0, sizeof(pt->empty));
		return pt->empty;
	}
	return rt_pfn_data(m, pfn);
}

static long table_alloc(struct rt_iopt *pt)
{
	long pfn = rt_alloc_pages(pt->m, GFP_KERNEL | __GFP_ZERO, 0, RT_H_TABLE);
	if (pfn != RT_NONE)
		pt->m->vmemmap[pfn].flags |= 1UL << PG_table;
	return pfn;
}

static void table_free(struct rt_iopt *pt, unsigned long pfn)
{
	struct rt_machine *m = pt->m;
	int32_t h = rt_holder_find(m, m->meta[pfn].holders, RT_KM(RT_H_TABLE), false);
	if (h != RT_NONE)
		rt_holder_drop(m, pfn, h);
}

static bool table_empty(struct rt_iopt *pt, unsigned long pfn)
{
	const u64 *t = tbl(pt, pfn);
	for (int i = 0; i < RT_IOPT_ENTRIES; i++)
		if (t[i] & RT_IOPTE_VALID)
			return false;
	return true;
}

/* Length of the part of [iova, iova+size) inside iova's level-l entry. */
static u64 span(u64 iova, u64 size, int l)
{
	u64 end = (iova | ((1ULL << lvl_shift(l)) - 1)) + 1;
	return size < end - iova ? size : end - iova;
}

static bool can_block(int l, u64 len, u64 paddr)
{
	return l == RT_IOPT_LEVELS - 2 && len == RT_IOPT_BLOCK_SIZE && !(paddr & (RT_IOPT_BLOCK_SIZE - 1));
}

static bool range_free(struct rt_iopt *pt, unsigned long t, int l, u64 iova, u64 size)
{
	while (size) {
		u64 len = span(iova, size, l), pte = tbl(pt, t)[lvl_idx(iova, l)];
		if (pte & RT_IOPTE_VALID) {
			if (!is_table(pte, l) || !range_free(pt, next_pfn(pte), l + 1, iova, len))
				return false;
		}
		iova += len;
		size -= len;
	}
	return true;
}

/* Tables a map needs; t == RT_NO_PFN stands for a table not allocated yet. */
static unsigned long plan_map(struct rt_iopt *pt, unsigned long t, int l, u64 iova, u64 paddr,
			      u64 size)
{
	unsigned long need = 0;
	while (size) {
		u64 len = span(iova, size, l);
		u64 pte = t == RT_NO_PFN ? 0 : tbl(pt, t)[lvl_idx(iova, l)];
		if (l < RT_IOPT_LEVELS - 1 && !(!(pte & RT_IOPTE_VALID) && can_block(l, len, paddr))) {
			if (pte & RT_IOPTE_VALID)
				need += plan_map(pt, next_pfn(pte), l + 1, iova, paddr, len);
			else
				need += 1 + plan_map(pt, RT_NO_PFN, l + 1, iova, paddr, len);
		}
		iova += len;
		paddr += len;
		size -= len;
	}
	return need;
}

static unsigned long pool_take(struct rt_iopt *pt, struct pool *p)
{
	pt->nr_tables++;
	return p->pfn[p->used++];
}

static void do_map(struct rt_iopt *pt, unsigned long t, int l, u64 iova, u64 paddr, u64 size,
		   u64 prot, struct pool *p)
{
	while (size) {
		u64 len = span(iova, size, l);
		u64 *e = &tbl(pt, t)[lvl_idx(iova, l)];
		if (l == RT_IOPT_LEVELS - 1) {
			*e = paddr | RT_IOPTE_VALID | RT_IOPTE_TABLE | prot;
		} else if (!(*e & RT_IOPTE_VALID) && can_block(l, len, paddr)) {
			*e = paddr | RT_IOPTE_VALID | prot;
		} else {
			if (!(*e & RT_IOPTE_VALID))
				*e = PFN_PHYS(pool_take(pt, p)) | RT_IOPTE_VALID | RT_IOPTE_TABLE;
			do_map(pt, next_pfn(*e), l + 1, iova, paddr, len, prot, p);
		}
		iova += len;
		paddr += len;
		size -= len;
	}
}

/* Allocate n table pages up front; all or nothing. */
static int pool_fill(struct rt_iopt *pt, struct pool *p, unsigned long n)
{
	p->n = p->used = 0;
	p->pfn = n ? calloc(n, sizeof(*p->pfn)) : NULL;
	if (n && !p->pfn)
		return -ENOMEM;
	while (p->n < n) {
		long pfn = table_alloc(pt);
		if (pfn == RT_NONE) {
			while (p->n)
				table_free(pt, p->pfn[--p->n]);
			free(p->pfn);
			return -ENOMEM;
		}
		p->pfn[p->n++] = (unsigned long)pfn;
	}
	return 0;
}

static void pool_drain(struct rt_iopt *pt, struct pool *p)
{
	while (p->used < p->n)
		table_free(pt, p->pfn[p->used++]);
	free(p->pfn);
}

static int check_args(u64 iova, u64 paddr, u64 size)
{
	const u64 lim = 1ULL << RT_IOPT_IAS;
	if (!size || ((iova | paddr | size) & ~PAGE_MASK))
		return -EINVAL;
	if (iova >= lim || size > lim - iova || paddr >= (1ULL << RT_IOPT_OAS) ||
	    size > (1ULL << RT_IOPT_OAS) - paddr)
		return -ERANGE;
	return 0;
}

struct rt_iopt *rt_iopt_create(struct rt_machine *m)
{
	struct rt_iopt *pt = calloc(1, sizeof(*pt));
	if (!pt)
		return NULL;
	pt->m = m;
	rt_lock(m, CALLER, "rt_iopt_create");
	long root = table_alloc(pt);
	pthread_mutex_unlock(&m->lock);
	if (root == RT_NONE) {
		free(pt);
		return NULL;
	}
	pt->root = (unsigned long)root;
	pt->nr_tables = 1;
	return pt;
}

static void free_tree(struct rt_iopt *pt, unsigned long t, int l)
{
	u64 *e = tbl(pt, t);
	for (int i = 0; i < RT_IOPT_ENTRIES; i++)
		if ((e[i] & RT_IOPTE_VALID) && is_table(e[i], l))
			free_tree(pt, next_pfn(e[i]), l + 1);
	table_free(pt, t);
	pt->nr_tables--;
}

void rt_iopt_destroy(struct rt_iopt *pt)
{
	if (!pt)
		return;
	rt_lock(pt->m, CALLER, "rt_iopt_destroy");
	free_tree(pt, pt->root, 0);
	pthread_mutex_unlock(&pt->m->lock);
	free(pt);
}

int rt_iopt_map(struct rt_iopt *pt, u64 iova, phys_addr_t paddr, u64 size, int prot)
{
	/* bad prot is an argument error before any range check, as in io-pgtable */
	if (!(prot & (IOMMU_READ | IOMMU_WRITE)) || (prot & ~(IOMMU_READ | IOMMU_WRITE)))
		return -EINVAL;
	int rc = check_args(iova, paddr, size);
	if (rc)
		return rc;
	rt_lock(pt->m, CALLER, "rt_iopt_map");
	struct pool p;
	if (!range_free(pt, pt->root, 0, iova, size))
		rc = -EEXIST;
	else if (!(rc = pool_fill(pt, &p, plan_map(pt, pt->root, 0, iova, paddr, size)))) {
		do_map(pt, pt->root, 0, iova, paddr, size, (u64)prot << RT_IOPTE_PROT_SHIFT, &p);
		pool_drain(pt, &p);
	}
	pthread_mutex_unlock(&pt->m->lock);
	return rc;
}

/* Blocks an unmap cuts through need a level-3 table each. */
static unsigned long plan_unmap(struct rt_iopt *pt, unsigned long t, int l, u64 iova, u64 size)
{
	unsigned long need = 0;
	while (size) {
		u64 len = span(iova, size, l), pte = tbl(pt, t)[lvl_idx(iova, l)];
		if ((pte & RT_IOPTE_VALID) && is_table(pte, l))
			need += plan_unmap(pt, next_pfn(pte), l + 1, iova, len);
		else if ((pte & RT_IOPTE_VALID) && l < RT_IOPT_LEVELS - 1 && len < (1ULL << lvl_shift(l)))
			need++;
		iova += len;
		size -= len;
	}
	return need;
}

static u64 do_unmap(struct rt_iopt *pt, unsigned long t, int l, u64 iova, u64 size, struct pool *p)
{
	u64 done = 0;
	while (size) {
		u64 len = span(iova, size, l);
		u64 *e = &tbl(pt, t)[lvl_idx(iova, l)];
		if (!(*e & RT_IOPTE_VALID)) {
			/* hole */
		} else if (l == RT_IOPT_LEVELS - 1 || (!is_table(*e, l) && len == (1ULL << lvl_shift(l)))) {
			*e = 0;
			done += len;
		} else {
			if (!is_table(*e, l)) {
				/* split the block into pages, then unmap part of them */
				unsigned long nt = pool_take(pt, p);
				u64 *n = tbl(pt, nt), base = *e & RT_IOPTE_ADDR_MASK;
				u64 prot = *e & (3ULL << RT_IOPTE_PROT_SHIFT);
				for (int i = 0; i < RT_IOPT_ENTRIES; i++)
					n[i] = (base + ((u64)i << PAGE_SHIFT)) | RT_IOPTE_VALID |
					       RT_IOPTE_TABLE | prot;
				*e = PFN_PHYS(nt) | RT_IOPTE_VALID | RT_IOPTE_TABLE;
			}
			unsigned long child = next_pfn(*e);
			done += do_unmap(pt, child, l + 1, iova, len, p);
			if (table_empty(pt, child)) {
				*e = 0;
				table_free(pt, child);
				pt->nr_tables--;
			}
		}
		iova += len;
		size -= len;
	}
	return done;
}

long long rt_iopt_unmap(struct rt_iopt *pt, u64 iova, u64 size)
{
	int rc = check_args(iova, 0, size);
	if (rc)
		return rc;
	rt_lock(pt->m, CALLER, "rt_iopt_unmap");
	struct pool p;
	long long done = pool_fill(pt, &p, plan_unmap(pt, pt->root, 0, iova, size));
	if (!done) {
		done = (long long)do_unmap(pt, pt->root, 0, iova, size, &p);
		pool_drain(pt, &p);
	}
	pthread_mutex_unlock(&pt->m->lock);
	return done;
}

phys_addr_t rt_iopt_iova_to_phys(struct rt_iopt *pt, u64 iova)
{
	phys_addr_t pa = 0;
	if (iova >= (1ULL << RT_IOPT_IAS))
		return 0;
	rt_lock(pt->m, CALLER, "rt_iopt_iova_to_phys");
	unsigned long t = pt->root;
	for (int l = 0; l < RT_IOPT_LEVELS; l++) {
		u64 pte = tbl(pt, t)[lvl_idx(iova, l)];
		if (!(pte & RT_IOPTE_VALID))
			break;
		if (!is_table(pte, l)) {
			pa = (pte & RT_IOPTE_ADDR_MASK) + (iova & ((1ULL << lvl_shift(l)) - 1));
			break;
		}
		t = next_pfn(pte);
	}
	pthread_mutex_unlock(&pt->m->lock);
	return pa;
}

struct leaf { u64 iova, paddr, size; int prot; };
struct leaves { struct leaf *v; size_t n, cap; };

static void collect(struct rt_iopt *pt, unsigned long t, int l, u64 base, struct leaves *out)
{
	const u64 *e = tbl(pt, t);
	for (int i = 0; i < RT_IOPT_ENTRIES; i++) {
		u64 pte = e[i], iova = base + ((u64)i << lvl_shift(l));
		if (!(pte & RT_IOPTE_VALID))
			continue;
		if (is_table(pte, l)) {
			collect(pt, next_pfn(pte), l + 1, iova, out);
			continue;
		}
		if (out->n == out->cap) {
			out->cap = out->cap ? 2 * out->cap : 64;
			struct leaf *nv = realloc(out->v, out->cap * sizeof(*nv));
			if (!nv)
				abort();
			out->v = nv;
		}
		out->v[out->n++] = (struct leaf){ iova, pte & RT_IOPTE_ADDR_MASK,
						  1ULL << lvl_shift(l), LEAF_PROT(pte) };
	}
}

int rt_iopt_walk(struct rt_iopt *pt, rt_iopt_walk_fn cb, void *arg)
{
	struct leaves lv = { 0 };
	rt_lock(pt->m, CALLER, "rt_iopt_walk");
	collect(pt, pt->root, 0, 0, &lv);
	pthread_mutex_unlock(&pt->m->lock);
	/* callbacks run unlocked: they may call the kernel API */
	int rc = 0;
	for (size_t i = 0; i < lv.n && !rc; i++)
		rc = cb(lv.v[i].iova, lv.v[i].paddr, lv.v[i].size, lv.v[i].prot, arg);
	free(lv.v);
	return rc;
}

phys_addr_t rt_iopt_root_phys(struct rt_iopt *pt) { return PFN_PHYS(pt->root); }

unsigned long rt_iopt_nr_tables(struct rt_iopt *pt)
{
	pthread_mutex_lock(&pt->m->lock);
	unsigned long n = pt->nr_tables;
	pthread_mutex_unlock(&pt->m->lock);
	return n;
}

static long check_tree(struct rt_iopt *pt, unsigned long t, int l, char *why, size_t len)
{
	struct rt_machine *m = pt->m;
	if (rt_holder_find(m, m->meta[t].holders, RT_KM(RT_H_TABLE), false) == RT_NONE) {
		snprintf(why, len, "table pfn %lu is not held as a table", t);
		return -1;
	}
	if (l > 0 && table_empty(pt, t)) {
		snprintf(why, len, "empty level-%d table pfn %lu not freed", l, t);
		return -1;
	}
	long n = 1;
	const u64 *e = tbl(pt, t);
	for (int i = 0; i < RT_IOPT_ENTRIES; i++) {
		if (!(e[i] & RT_IOPTE_VALID))
			continue;
		if (is_table(e[i], l)) {
			long c = check_tree(pt, next_pfn(e[i]), l + 1, why, len);
			if (c < 0)
				return c;
			n += c;
		} else if (l < RT_IOPT_LEVELS - 2 ||
			   (e[i] & RT_IOPTE_ADDR_MASK & ((1ULL << lvl_shift(l)) - 1))) {
			snprintf(why, len, "bad leaf at level %d index %d", l, i);
			return -1;
		}
	}
	return n;
}

int rt_iopt_check(struct rt_iopt *pt, char *why, size_t len)
{
	pthread_mutex_lock(&pt->m->lock);
	long n = check_tree(pt, pt->root, 0, why, len);
	if (n >= 0 && (unsigned long)n != pt->nr_tables) {
		snprintf(why, len, "%ld tables reachable, %lu counted", n, pt->nr_tables);
		n = -1;
	}
	pthread_mutex_unlock(&pt->m->lock);
	return n < 0 ? -1 : 0;
}
