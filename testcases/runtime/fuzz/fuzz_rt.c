// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target: sequences of memmap, allocator, reference, pin,
 * hotplug and page-table operations, correct and incorrect, on a small
 * machine.  Misuse must be recorded as violations, never crash the model
 * (ASan/UBSan), never break its internal consistency (rt_machine_check),
 * and the page table must always agree with a granule-level reference.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "kernel_api.h"
#include "rt_model.h"
#include "rt_iopt.h"

#define NSLOT 32
#define UADDR 0x40000000UL
#define UPAGES 32
#define WIN (8ULL << 20)                /* page-table window */
#define NG (WIN >> 12)

enum { S_FREE, S_ALLOC, S_REF, S_PIN, S_GUP, S_CACHE };
struct slot { struct page *p; int kind; unsigned order; };

struct ctx {
	struct rt_machine *m;
	struct mm_struct *mm;
	struct file *shm;
	struct rt_iopt *pt;
	struct dev_pagemap *pgmap;
	struct slot s[NSLOT];
	struct page *stale[8];
	u64 ref_pa[NG];
	unsigned char ref_prot[NG];
	const uint8_t *d;
	size_t n;
};

static unsigned byte(struct ctx *c)
{
	if (!c->n)
		return 0;
	c->n--;
	return *c->d++;
}

static void die(struct ctx *c, const char *what)
{
	fprintf(stderr, "fuzz_rt: %s\n", what);
	rt_report(c->m, stderr);
	abort();
}

static struct slot *free_slot(struct ctx *c)
{
	for (int i = 0; i < NSLOT; i++)
		if (c->s[i].kind == S_FREE)
			return &c->s[i];
	return NULL;
}

static void release(struct ctx *c, struct slot *s)
{
	switch (s->kind) {
	case S_ALLOC: __free_pages(s->p, s->order); break;
	case S_REF: case S_GUP: case S_CACHE: put_page(s->p); break;
	case S_PIN: unpin_user_page(s->p); break;
	default: return;
	}
	c->stale[byte(c) % 8] = s->p;
	s->kind = S_FREE;
}

static __attribute__((noinline)) void rcu_walk(unsigned long pfn)
{
	rcu_read_lock();
	if (pfn_active(pfn))
		(void)PageReserved(pfn_to_page(pfn));
	rcu_read_unlock();
}

static __attribute__((noinline)) void valid_walk(unsigned long pfn)
{
	if (pfn_valid(pfn))
		(void)page_count(pfn_to_page(pfn));
}

static void pt_op(struct ctx *c, bool map)
{
	u64 iova = (u64)(byte(c) | byte(c) << 8) % NG << 12;
	u64 size = (u64)(1 + byte(c) % 4) << (byte(c) & 1 ? 21 : 12);
	if (iova + size > WIN)
		size = WIN - iova;
	if (map) {
		u64 pa = (u64)byte(c) << 21 | (byte(c) & 1 ? (u64)byte(c) << 12 : 0);
		int prot = 1 + byte(c) % 3, want = 0;
		for (u64 a = 0; a < size; a += 4096)
			if (c->ref_prot[(iova + a) >> 12])
				want = -EEXIST;
		int got = rt_iopt_map(c->pt, iova, pa, size, prot);
		if (got == -ENOMEM && !want)
			return;
		if (got != want)
			die(c, "map disagrees with the reference");
		for (u64 a = 0; !got && a < size; a += 4096) {
			c->ref_pa[(iova + a) >> 12] = pa + a;
			c->ref_prot[(iova + a) >> 12] = (unsigned char)prot;
		}
	} else {
		long long want = 0;
		for (u64 a = 0; a < size; a += 4096)
			want += c->ref_prot[(iova + a) >> 12] ? 4096 : 0;
		long long got = rt_iopt_unmap(c->pt, iova, size);
		if (got == -ENOMEM)
			return;
		if (got != want)
			die(c, "unmap disagrees with the reference");
		for (u64 a = 0; a < size; a += 4096)
			c->ref_prot[(iova + a) >> 12] = 0;
	}
	for (u64 a = iova; a < iova + size; a += 4096) {
		u64 want = c->ref_prot[a >> 12] ? c->ref_pa[a >> 12] : 0;
		if (rt_iopt_iova_to_phys(c->pt, a) != want)
			die(c, "iova_to_phys disagrees with the reference");
	}
}

static void one_op(struct ctx *c)
{
	unsigned op = byte(c) % 20, a = byte(c), b = byte(c);
	unsigned sec = a % 8;
	struct slot *s = &c->s[b % NSLOT], *f = free_slot(c);
	unsigned long upfn = rt_nr_pfns(c->m);
	switch (op) {
	case 0:
		if (f && (f->p = alloc_pages(a & 1 ? GFP_HIGHUSER_MOVABLE : GFP_KERNEL, (a >> 1) % 4))) {
			f->kind = S_ALLOC;
			f->order = (a >> 1) % 4;
		}
		break;
	case 1: release(c, s); break;
	case 2:
		if (s->kind != S_FREE && f) {
			get_page(s->p);
			*f = (struct slot){ s->p, S_REF, 0 };
		}
		break;
	case 3: case 4: {
		struct page *pages[4];
		unsigned flags = (a & 1 ? FOLL_WRITE : 0) | (a & 2 ? FOLL_LONGTERM : 0);
		long n = op == 3 ? pin_user_pages(UADDR + (b % UPAGES) * PAGE_SIZE, 1 + a % 4, flags, pages)
				 : get_user_pages(UADDR + (b % UPAGES) * PAGE_SIZE, 1 + a % 4, flags, pages);
		for (long i = 0; i < n; i++) {
			struct slot *t = free_slot(c);
			if (t)
				*t = (struct slot){ pages[i], op == 3 ? S_PIN : S_GUP, 0 };
			else if (op == 3)
				unpin_user_page(pages[i]);
			else
				put_page(pages[i]);
		}
		break;
	}
	case 5: rt_hot_add(c->m, sec); break;
	case 6: rt_online(c->m, sec, (enum rt_zone)(b % 3)); break;
	case 7: rt_offline(c->m, sec); break;
	case 8: rt_remove(c->m, sec); break;
	case 9: pt_op(c, true); break;
	case 10: pt_op(c, false); break;
	case 11: rt_fail_alloc(c->m, a % 4, b % 3); break;
	case 12: {
		unsigned long pfn = (a | b << 8) % (upfn + 8);
		size_t before = rt_violation_count_func(c->m, "rcu_walk", -1);
		rcu_walk(pfn);
		if (rt_violation_count_func(c->m, "rcu_walk", -1) != before)
			die(c, "the RCU pfn_active() protocol was caught");
		valid_walk(pfn);
		break;
	}
	case 13:
		if (f) {
			struct page *p = shmem_read_mapping_page(c->shm->f_mapping, a % 8);
			if (!IS_ERR(p))
				*f = (struct slot){ p, S_CACHE, 0 };
		}
		break;
	case 14: {                      /* misuse with a stale pointer */
		struct page *p = c->stale[a % 8];
		if (!p)
			break;
		switch (b % 5) {
		case 0: put_page(p); break;
		case 1: get_page(p); put_page(p); break;
		case 2: unpin_user_page(p); break;
		case 3: (void)page_address(p); break;
		case 4: __free_page(p); break;
		}
		break;
	}
	case 15: {
		unsigned long pfn;
		if (!rt_cma_alloc(c->m, 1u << (a % 7), &pfn))
			rt_cma_release(c->m, pfn, 1u << (a % 7));
		break;
	}
	case 16:
		if (!c->pgmap)
			rt_devmem_plug(c->m, 6 + (a & 1), MEMORY_DEVICE_GENERIC, b % 3, &c->pgmap);
		else if (!rt_devmem_unplug(c->m, c->pgmap))
			c->pgmap = NULL;
		break;
	case 17: rt_mm_populate(c->mm, UADDR + (a % UPAGES) * PAGE_SIZE, 1 + b % 4, (enum rt_zone)(b % 3), a & 1); break;
	case 18: rt_mm_unmap(c->mm, UADDR + (a % UPAGES) * PAGE_SIZE, 1); break;
	case 19: {
		struct dev_pagemap *pg = get_dev_pagemap((a | b << 8) % upfn, NULL);
		if (pg)
			put_dev_pagemap(pg);
		break;
	}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rt_config cfg;
	rt_config_default(&cfg);
	cfg.nr_sections = 8;
	cfg.section_pages = 64;
	cfg.subsections = 4;
	for (int i = 0; i < RT_MAX_SECTIONS; i++)
		cfg.boot_zone[i] = -1;
	cfg.boot_zone[0] = cfg.boot_zone[1] = RT_ZONE_NORMAL;
	cfg.boot_zone[2] = RT_ZONE_MOVABLE;
	cfg.boot_zone[3] = RT_ZONE_CMA;
	static struct ctx c;
	memset(&c, 0, sizeof(c));
	c.d = data;
	c.n = size;
	c.m = rt_machine_create(&cfg);
	rt_machine_set_current(c.m);
	c.mm = rt_mm_create(c.m, UADDR, UPAGES);
	rt_set_current_mm(c.m, c.mm);
	rt_mm_populate(c.mm, UADDR, 8, RT_ZONE_MOVABLE, true);
	rt_mm_populate(c.mm, UADDR + 8 * PAGE_SIZE, 4, RT_ZONE_CMA, true);
	c.shm = rt_shmem_file_create(c.m, 8, RT_ZONE_MOVABLE);
	c.pt = rt_iopt_create(c.m);
	if (!c.pt)
		die(&c, "rt_iopt_create");
	for (int ops = 0; c.n && ops < 200; ops++)
		one_op(&c);
	rt_fail_alloc_clear(c.m);
	char why[256];
	if (rt_machine_check(c.m, why, sizeof(why)))
		die(&c, why);
	if (rt_iopt_check(c.pt, why, sizeof(why)))
		die(&c, why);
	for (int i = 0; i < NSLOT; i++)
		release(&c, &c.s[i]);
	rt_iopt_destroy(c.pt);
	rt_shmem_file_destroy(c.shm);
	rt_mm_destroy(c.mm);
	if (rt_machine_check(c.m, why, sizeof(why)))
		die(&c, why);
	rt_machine_destroy(c.m);
	return 0;
}
