/* SPDX-License-Identifier: GPL-2.0 */
/*
 * rt_internal.h - state of the runtime model, shared by its source files.
 *
 * Locking: one mutex per machine (m->lock) serialises every model
 * operation.  The model is a checker, not a fast mm: a single lock makes
 * every operation atomic with respect to the others, so a race in a fixture
 * shows up as an interleaving of whole kernel API calls, which is what the
 * hazards in the seeds are about.  Waiting (hotplug lock, RCU grace period,
 * pgmap drain, injected actions) uses m->cond.
 */
#ifndef PAGELIFE_RT_INTERNAL_H
#define PAGELIFE_RT_INTERNAL_H

#include <pthread.h>
#include <stdint.h>
#include <errno.h>
#include "kernel_api.h"
#include "rt_model.h"
#include "rt_iopt.h"

#define RT_NONE (-1)
#define RT_MAX_ORDER 10
#define RT_NR_BUDDY_ZONES 3            /* NORMAL, MOVABLE, CMA */

/* page flags in page->flags (low bits), zone and node in the high bits */
enum {
	PG_locked, PG_reserved, PG_dirty, PG_uptodate, PG_lru, PG_slab,
	PG_head, PG_buddy, PG_anon, PG_private, PG_table,
};
#define RT_ZONES_SHIFT 56
#define RT_ZONES_MASK 7UL
#define RT_NODES_SHIFT 48
#define RT_NODES_MASK 0xffUL
#define RT_POISON_BYTE 0xff             /* PAGE_POISON_PATTERN, as the kernel */

enum rt_memmap_state { RT_MEMMAP_NONE, RT_MEMMAP_PRESENT, RT_MEMMAP_FREED };

struct rt_section {
	enum rt_section_state state;
	enum rt_memmap_state memmap;
	enum rt_zone zone;
	bool ever_present;
	bool isolated;                  /* being offlined: not allocatable */
	uint64_t sub_init;              /* memmap initialised, per subsection */
	uint64_t sub_active;            /* pfn_active() bitmap */
	struct dev_pagemap *pgmap;
};

/* Model-private per-pfn state, parallel to the memmap. */
enum rt_pstate { RT_P_NONE, RT_P_FREE, RT_P_USED };
struct rt_pmeta {
	uint8_t state;
	uint8_t order;                  /* of the block this page heads */
	bool buddy_head;                /* heads a free block on a free list */
	bool compound;                  /* head of a __GFP_COMP allocation */
	int32_t next, prev;             /* free list links */
	int32_t holders;                /* ledger list, RT_NONE if empty */
};

struct rt_holder {
	int32_t next;
	uint8_t kind;
	bool longterm;
	bool live;
	unsigned int epoch;
	const void *caller;
	const char *api;
	int tid;
	void *obj;                      /* MAP holders: the rt_mapper */
	unsigned long idx;              /* MAP holders: slot in it */
};

/* Whoever maps pages (an mm, a page cache) so migration can move them. */
struct rt_mapper {
	void (*remap)(struct rt_mapper *mp, unsigned long idx, unsigned long new_pfn);
};

struct rt_vslot { uint64_t key; int32_t idx; };

enum rt_phase { RT_PH_IDLE, RT_PH_RUNNING, RT_PH_BLOCKED_GP, RT_PH_BLOCKED_HOTPLUG,
		RT_PH_BLOCKED_MIGRATE, RT_PH_BLOCKED_PGMAP, RT_PH_DONE };

struct rt_inject {
	long trigger_at;
	rt_action_fn action;
	void *action_arg;
	long points;
	bool in_fixture;
	pthread_t fixture_thread;
	bool actor_started;
	pthread_t actor;
	enum rt_phase phase;
	unsigned long block_pfn;
	struct dev_pagemap *block_pgmap;
	int result;
	bool fixture_done;
	bool fixture_waiting;           /* blocked in get_online_mems() */
};

struct rt_machine {
	struct rt_config cfg;
	pthread_mutex_t lock;
	pthread_cond_t cond;
	unsigned long nr_pfns;
	unsigned int section_shift;
	unsigned int sub_shift;         /* log2 pages per subsection */
	unsigned int max_order;
	struct page *vmemmap;
	struct rt_pmeta *meta;
	unsigned char *phys;            /* nr_pfns pages of "physical memory" */
	struct rt_section sec[RT_MAX_SECTIONS];
	struct zone zones[__MAX_NR_ZONES];
	struct zone poison_zone;        /* what page_zone() of garbage returns */
	int32_t free_head[RT_NR_BUDDY_ZONES][RT_MAX_ORDER + 1];
	unsigned long nr_free[RT_NR_BUDDY_ZONES];

	/* allocator failure injection */
	unsigned long alloc_calls, fail_after, fail_count;

	/* holder ledger */
	struct rt_holder *holders;
	int32_t nr_holders, cap_holders, free_holders;

	/* violations, with identical ones folded by a small hash */
	struct rt_violation *viol;
	size_t nr_viol, cap_viol;
	unsigned long viol_dropped;
	struct rt_vslot *vhash;
	size_t vhash_cap;

	/* the call being executed (valid while m->lock is held) */
	const void *site_caller;
	const char *site_api;

	/* hotplug lock and RCU readers */
	int hp_readers;
	int hp_writers_waiting;
	bool hp_writer;
	int rcu_readers;

	/* fixture runs */
	unsigned int epoch;             /* current fixture run, 0: harness */
	unsigned int runs;
	const char *fixture;
	struct rt_inject inj;
	struct rt_blocker blocker;
	bool has_blocker;

	struct mm_struct *current_mm;
	struct dev_pagemap *pgmaps[RT_MAX_SECTIONS];
	struct net_iov *niov;
	unsigned int nr_niov, cap_niov;
	void **owned;                   /* mm/file objects freed with the machine */
	unsigned int nr_owned, cap_owned;
};

/* Per-thread state: RCU and hotplug-lock nesting, kmaps, role. */
struct rt_tls {
	int rcu_depth;
	int hp_depth;
	int kmap_depth;
	bool actor;
	struct rt_machine *in_rcu_of;
};
extern __thread struct rt_tls rt_tls;

/* ---- machine.c: context and call sites ---- */
struct rt_machine *rt_cur(void);
struct rt_machine *rt_enter(const void *caller, const char *api);
void rt_enter_locked(struct rt_machine *m, const void *caller, const char *api);
void rt_leave(struct rt_machine *m);
void rt_lock(struct rt_machine *m, const void *caller, const char *api);
int rt_gettid(void);
void rt_own(struct rt_machine *m, void *obj);
void rt_disown(struct rt_machine *m, void *obj);

/* ---- memmap.c ---- */
static inline unsigned int rt_pfn_section(const struct rt_machine *m, unsigned long pfn)
{
	return (unsigned int)(pfn >> m->section_shift);
}
static inline unsigned int rt_pfn_sub(const struct rt_machine *m, unsigned long pfn)
{
	return (unsigned int)((pfn & (m->cfg.section_pages - 1)) >> m->sub_shift);
}
bool rt_pfn_initialised(struct rt_machine *m, unsigned long pfn);
bool rt_pfn_in_range(struct rt_machine *m, unsigned long pfn);
/* Validate a page pointer and the memmap behind it; records a violation and
 * returns RT_NO_PFN for a pointer that is no struct page.  *ok is false when
 * the memmap is not initialised (the read still happens, on poison). */
unsigned long rt_check_page(struct rt_machine *m, const struct page *page, bool *ok);
void rt_memmap_init_range(struct rt_machine *m, unsigned long pfn, unsigned long n,
			  enum rt_zone zone);
void rt_memmap_poison_range(struct rt_machine *m, unsigned long pfn, unsigned long n);
unsigned long rt_head_pfn(struct rt_machine *m, unsigned long pfn);
static inline enum zone_type rt_kernel_zone(enum rt_zone z)
{
	return z == RT_ZONE_MOVABLE ? ZONE_MOVABLE : z == RT_ZONE_DEVICE ? ZONE_DEVICE : ZONE_NORMAL;
}
void *rt_pfn_data(struct rt_machine *m, unsigned long pfn);

/* ---- buddy.c ---- */
#define RT_ZMASK(z) (1u << (z))
long rt_buddy_alloc(struct rt_machine *m, unsigned int order, unsigned int zone_mask,
		    int exclude_section);
void rt_buddy_free(struct rt_machine *m, unsigned long pfn, unsigned int order);
void rt_buddy_add_section(struct rt_machine *m, unsigned int sec);
void rt_buddy_isolate_section(struct rt_machine *m, unsigned int sec);
void rt_buddy_unisolate_section(struct rt_machine *m, unsigned int sec);
void rt_buddy_take_range(struct rt_machine *m, unsigned long pfn, unsigned long n);
unsigned int rt_gfp_zone_mask(gfp_t gfp);
bool rt_alloc_should_fail(struct rt_machine *m);
/* Allocate and take the ALLOC reference: the page allocator's front end. */
long rt_alloc_pages(struct rt_machine *m, gfp_t gfp, unsigned int order, int kind);

/* ---- ledger.c ---- */
int32_t rt_holder_add(struct rt_machine *m, unsigned long pfn, int kind, bool longterm);
void rt_holder_unlink(struct rt_machine *m, int32_t *head, int32_t h);
int32_t rt_holder_find(struct rt_machine *m, int32_t head, unsigned int kind_mask,
		       bool prefer_epoch);
void rt_counts_add(struct rt_machine *m, unsigned long pfn, int kind);
/* Drop holder h of the page; frees the page when the last reference goes. */
void rt_holder_drop(struct rt_machine *m, unsigned long pfn, int32_t h);
bool rt_page_is_free(struct rt_machine *m, unsigned long pfn);
bool rt_only_migratable(struct rt_machine *m, unsigned long pfn, int32_t *blocker);
int rt_ref_get(struct rt_machine *m, unsigned long pfn, int kind);
void rt_ref_put(struct rt_machine *m, unsigned long pfn);
void rt_ref_unpin(struct rt_machine *m, unsigned long pfn);
void rt_leak_check(struct rt_machine *m);
void rt_note_blocker(struct rt_machine *m, unsigned long pfn, int32_t h);
int32_t rt_pgmap_holder_add(struct rt_machine *m, struct dev_pagemap *pgmap);
void rt_pgmap_holder_drop(struct rt_machine *m, struct dev_pagemap *pgmap, int32_t h);
#define RT_KM(k) (1u << (k))
#define RT_REFLIKE (RT_KM(RT_H_REF) | RT_KM(RT_H_GUP) | RT_KM(RT_H_ALLOC))

/* ---- violation.c ---- */
void rt_violation(struct rt_machine *m, enum rt_violation_kind kind, unsigned long pfn,
		  int32_t holder, const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* ---- migrate.c ---- */
int rt_migrate_page(struct rt_machine *m, unsigned long pfn, unsigned int zone_mask,
		    int exclude_section, int32_t *blocker);

/* ---- rcu_glue.c: liburcu, the real library ---- */
void rt_urcu_read_lock(void);
void rt_urcu_read_unlock(void);
void rt_urcu_synchronize(void);
/* Wait for a grace period with m->lock held on entry and exit. */
void rt_synchronize_rcu_locked(struct rt_machine *m);

/* ---- hotplug.c ---- */
void rt_hotplug_write_lock(struct rt_machine *m);
void rt_hotplug_write_unlock(struct rt_machine *m);
bool rt_pgmap_busy(struct rt_machine *m, struct dev_pagemap *pgmap);

/* ---- inject.c ---- */
void rt_point(struct rt_machine *m);
void rt_settle(struct rt_machine *m);
void rt_actor_phase(struct rt_machine *m, enum rt_phase ph);
static inline bool rt_is_actor(void) { return rt_tls.actor; }

#endif /* PAGELIFE_RT_INTERNAL_H */
