// SPDX-License-Identifier: GPL-2.0
/*
 * hotplug.c - memory hot-add, online, offline, hot-remove, ZONE_DEVICE
 * plug/unplug, CMA allocation and the memory-hotplug lock.
 *
 * The order of steps follows the seed thread (pfn_active() under RCU):
 * memmap initialised, then subsections set active; before the memmap is
 * invalidated, subsections are set inactive, a grace period passes
 * (synchronize_rcu() in liburcu), and only then is the memmap poisoned
 * (offline) or poisoned and freed (remove).  Walkers that test pfn_active()
 * under rcu_read_lock() therefore never see poison; walkers that only test
 * pfn_valid() do, and the model records it.
 */
#include <stdlib.h>
#include "rt_internal.h"

#define CALLER __builtin_return_address(0)

static uint64_t all_subs(struct rt_machine *m)
{
	return m->cfg.subsections == 64 ? ~0ULL : (1ULL << m->cfg.subsections) - 1;
}

/* ---- the memory hotplug lock (mem_hotplug_begin / get_online_mems) ------- */

/* Writers get preference over new readers (as percpu_rwsem gives them), so
 * a steady stream of get_online_mems() cannot starve hot-remove. */
void rt_hotplug_write_lock(struct rt_machine *m)
{
	m->hp_writers_waiting++;
	while (m->hp_readers > 0 || m->hp_writer) {
		rt_actor_phase(m, RT_PH_BLOCKED_HOTPLUG);
		pthread_cond_wait(&m->cond, &m->lock);
	}
	m->hp_writers_waiting--;
	rt_actor_phase(m, RT_PH_RUNNING);
	m->hp_writer = true;
}

void rt_hotplug_write_unlock(struct rt_machine *m)
{
	m->hp_writer = false;
	pthread_cond_broadcast(&m->cond);
}

void get_online_mems(void)
{
	struct rt_machine *m = rt_enter(CALLER, "get_online_mems");
	if (rt_tls.rcu_depth > 0)
		rt_violation(m, RT_V_SLEEP_IN_RCU, RT_NO_PFN, RT_NONE,
			     "get_online_mems() inside rcu_read_lock()");
	else if (rt_tls.hp_depth == 0) {
		m->inj.fixture_waiting = true;
		pthread_cond_broadcast(&m->cond);
		while (m->hp_writer || m->hp_writers_waiting)
			pthread_cond_wait(&m->cond, &m->lock);
		m->inj.fixture_waiting = false;
	}
	rt_tls.hp_depth++;
	m->hp_readers++;
	rt_leave(m);
}

void put_online_mems(void)
{
	struct rt_machine *m = rt_enter(CALLER, "put_online_mems");
	if (rt_tls.hp_depth <= 0) {
		rt_violation(m, RT_V_LOCK_IMBALANCE, RT_NO_PFN, RT_NONE,
			     "put_online_mems() without get_online_mems()");
	} else {
		rt_tls.hp_depth--;
		m->hp_readers--;
		pthread_cond_broadcast(&m->cond);
	}
	rt_leave(m);
}

void mem_hotplug_begin(void)
{
	struct rt_machine *m = rt_enter(CALLER, "mem_hotplug_begin");
	if (rt_tls.hp_depth > 0 || rt_tls.rcu_depth > 0) {
		rt_violation(m, rt_tls.rcu_depth ? RT_V_SLEEP_IN_RCU : RT_V_LOCK_IMBALANCE,
			     RT_NO_PFN, RT_NONE, "mem_hotplug_begin() would deadlock here");
	} else {
		rt_hotplug_write_lock(m);
		rt_tls.hp_depth = -1;   /* marks the writer */
	}
	rt_leave(m);
}

void mem_hotplug_done(void)
{
	struct rt_machine *m = rt_enter(CALLER, "mem_hotplug_done");
	if (rt_tls.hp_depth != -1) {
		rt_violation(m, RT_V_LOCK_IMBALANCE, RT_NO_PFN, RT_NONE,
			     "mem_hotplug_done() without mem_hotplug_begin()");
	} else {
		rt_tls.hp_depth = 0;
		rt_hotplug_write_unlock(m);
	}
	rt_leave(m);
}

/* ---- sections --------------------------------------------------------------- */

static int sec_lock(struct rt_machine *m, unsigned int sec, const void *caller, const char *api)
{
	if (sec >= m->cfg.nr_sections)
		return -EINVAL;
	rt_lock(m, caller, api);
	return 0;
}

int rt_hot_add(struct rt_machine *m, unsigned int sec)
{
	if (sec_lock(m, sec, CALLER, "rt_hot_add"))
		return -EINVAL;
	int rc = 0;
	rt_hotplug_write_lock(m);
	struct rt_section *s = &m->sec[sec];
	if (s->memmap == RT_MEMMAP_PRESENT) {
		rc = -EEXIST;
	} else {
		/* sparse_add_section(): memmap allocated, poisoned until online */
		rt_memmap_poison_range(m, rt_section_first_pfn(m, sec), m->cfg.section_pages);
		s->memmap = RT_MEMMAP_PRESENT;
		s->ever_present = true;
		s->state = RT_SECTION_OFFLINE;
		s->sub_init = s->sub_active = 0;
		s->pgmap = NULL;
	}
	rt_hotplug_write_unlock(m);
	pthread_mutex_unlock(&m->lock);
	return rc;
}

int rt_online(struct rt_machine *m, unsigned int sec, enum rt_zone zone)
{
	if (zone >= RT_ZONE_DEVICE || sec_lock(m, sec, CALLER, "rt_online"))
		return -EINVAL;
	int rc = 0;
	rt_hotplug_write_lock(m);
	struct rt_section *s = &m->sec[sec];
	if (s->state != RT_SECTION_OFFLINE) {
		rc = -EINVAL;
	} else {
		unsigned long first = rt_section_first_pfn(m, sec), n = m->cfg.section_pages;
		rt_memmap_init_range(m, first, n, zone);
		s->zone = zone;
		s->sub_init = all_subs(m);
		s->state = RT_SECTION_ONLINE;
		rt_buddy_add_section(m, sec);
		struct zone *z = &m->zones[rt_kernel_zone(zone)];
		z->managed_pages += n;
		z->present_pages += n;
		s->sub_active = all_subs(m);    /* only now may pfn walkers look */
	}
	rt_hotplug_write_unlock(m);
	pthread_mutex_unlock(&m->lock);
	return rc;
}

/* Wait while an injected action is blocked on something the fixture holds;
 * false when it must give up (not injected, or the fixture is over). */
static bool actor_wait(struct rt_machine *m, enum rt_phase ph)
{
	if (!rt_is_actor() || m->inj.fixture_done || m->inj.fixture_waiting)
		return false;
	rt_actor_phase(m, ph);
	pthread_cond_wait(&m->cond, &m->lock);
	rt_actor_phase(m, RT_PH_RUNNING);
	return true;
}

static int offline_locked(struct rt_machine *m, unsigned int sec)
{
	struct rt_section *s = &m->sec[sec];
	unsigned long first = rt_section_first_pfn(m, sec), n = m->cfg.section_pages;
	rt_buddy_isolate_section(m, sec);
	for (unsigned long p = first; p < first + n;) {
		if (m->meta[p].state != RT_P_USED) {
			p++;
			continue;
		}
		int32_t blocker;
		int rc = rt_migrate_page(m, p, RT_ZMASK(RT_ZONE_NORMAL) | RT_ZMASK(RT_ZONE_MOVABLE) |
					 RT_ZMASK(RT_ZONE_CMA), (int)sec, &blocker);
		if (rc == -EBUSY) {
			m->inj.block_pfn = p;
			if (actor_wait(m, RT_PH_BLOCKED_MIGRATE))
				continue;       /* retry: a transient holder may be gone */
			rt_note_blocker(m, p, blocker);
			if (s->zone == RT_ZONE_MOVABLE || s->zone == RT_ZONE_CMA)
				rt_violation(m, RT_V_HOTPLUG_BLOCKED, p, blocker,
					     "offline of a %s section blocked by an unmovable holder",
					     s->zone == RT_ZONE_CMA ? "CMA" : "ZONE_MOVABLE");
		}
		if (rc) {
			rt_buddy_unisolate_section(m, sec);
			return rc;
		}
		p++;
	}
	/* all pages free: the memmap is about to be invalidated */
	s->state = RT_SECTION_OFFLINE;
	s->sub_active = 0;
	rt_synchronize_rcu_locked(m);
	rt_memmap_poison_range(m, first, n);
	s->sub_init = 0;
	s->isolated = false;
	struct zone *z = &m->zones[rt_kernel_zone(s->zone)];
	z->managed_pages -= n;
	z->present_pages -= n;
	return 0;
}

int rt_offline(struct rt_machine *m, unsigned int sec)
{
	if (sec_lock(m, sec, CALLER, "rt_offline"))
		return -EINVAL;
	int rc = -EINVAL;
	rt_hotplug_write_lock(m);
	if (m->sec[sec].state == RT_SECTION_ONLINE)
		rc = offline_locked(m, sec);
	rt_hotplug_write_unlock(m);
	pthread_mutex_unlock(&m->lock);
	return rc;
}

static void free_memmap(struct rt_machine *m, unsigned int sec)
{
	struct rt_section *s = &m->sec[sec];
	s->sub_active = 0;
	rt_synchronize_rcu_locked(m);
	rt_memmap_poison_range(m, rt_section_first_pfn(m, sec), m->cfg.section_pages);
	s->sub_init = 0;
	s->memmap = RT_MEMMAP_FREED;
	s->state = RT_SECTION_ABSENT;
}

int rt_remove(struct rt_machine *m, unsigned int sec)
{
	if (sec_lock(m, sec, CALLER, "rt_remove"))
		return -EINVAL;
	int rc = 0;
	rt_hotplug_write_lock(m);
	struct rt_section *s = &m->sec[sec];
	if (s->state == RT_SECTION_ONLINE)
		rc = -EBUSY;            /* as try_remove_memory(): offline first */
	else if (s->state != RT_SECTION_OFFLINE)
		rc = -EINVAL;
	else
		free_memmap(m, sec);
	rt_hotplug_write_unlock(m);
	pthread_mutex_unlock(&m->lock);
	return rc;
}

int rt_hot_remove(struct rt_machine *m, unsigned int sec)
{
	if (rt_section_state(m, sec) == RT_SECTION_ONLINE) {
		int rc = rt_offline(m, sec);
		if (rc)
			return rc;
	}
	return rt_remove(m, sec);
}

/* ---- ZONE_DEVICE -------------------------------------------------------------- */

int rt_devmem_plug(struct rt_machine *m, unsigned int sec, enum memory_type type,
		   unsigned int reserved_subsections, struct dev_pagemap **out)
{
	if (reserved_subsections > m->cfg.subsections || sec_lock(m, sec, CALLER, "rt_devmem_plug"))
		return -EINVAL;
	struct rt_section *s = &m->sec[sec];
	struct dev_pagemap *pgmap = NULL;
	int rc = 0;
	rt_hotplug_write_lock(m);
	if (s->memmap == RT_MEMMAP_PRESENT) {
		rc = -EEXIST;
		goto out;
	}
	pgmap = calloc(1, sizeof(*pgmap));
	if (!pgmap) {
		rc = -ENOMEM;
		goto out;
	}
	unsigned long first = rt_section_first_pfn(m, sec), n = m->cfg.section_pages;
	unsigned long sub = 1UL << m->sub_shift, r = reserved_subsections * sub;
	pgmap->type = type;
	pgmap->range.start = PFN_PHYS(first);
	pgmap->range.end = PFN_PHYS(first + n) - 1;
	pgmap->nr_range = 1;
	pgmap->section = sec;
	pgmap->holders = RT_NONE;
	rt_memmap_poison_range(m, first, n);
	s->memmap = RT_MEMMAP_PRESENT;
	s->ever_present = true;
	s->state = RT_SECTION_DEVICE;
	s->zone = RT_ZONE_DEVICE;
	s->pgmap = pgmap;
	/* memmap_init_zone_device(): the reserved part stays uninitialised */
	rt_memmap_init_range(m, first + r, n - r, RT_ZONE_DEVICE);
	unsigned int saved = m->epoch;
	m->epoch = 0;                   /* the driver's, not a fixture's */
	for (unsigned long p = first + r; p < first + n; p++) {
		m->vmemmap[p].pgmap = pgmap;
		m->meta[p].state = RT_P_USED;
		rt_holder_add(m, p, RT_H_DRIVER, false);
	}
	m->epoch = saved;
	s->sub_init = all_subs(m) & ~((1ULL << reserved_subsections) - 1);
	s->sub_active = s->sub_init;
	m->pgmaps[sec] = pgmap;
	if (out)
		*out = pgmap;
out:
	rt_hotplug_write_unlock(m);
	pthread_mutex_unlock(&m->lock);
	return rc;
}

bool rt_pgmap_busy(struct rt_machine *m, struct dev_pagemap *pgmap)
{
	if (pgmap->ref > 0)
		return true;
	unsigned long first = rt_section_first_pfn(m, pgmap->section);
	for (unsigned long p = first; p < first + m->cfg.section_pages; p++)
		for (int32_t h = m->meta[p].holders; h != RT_NONE; h = m->holders[h].next)
			if (m->holders[h].kind != RT_H_DRIVER)
				return true;
	return false;
}

static int32_t pgmap_blocker(struct rt_machine *m, struct dev_pagemap *pgmap, unsigned long *pfn)
{
	*pfn = RT_NO_PFN;
	if (pgmap->holders != RT_NONE)
		return pgmap->holders;
	unsigned long first = rt_section_first_pfn(m, pgmap->section);
	for (unsigned long p = first; p < first + m->cfg.section_pages; p++)
		for (int32_t h = m->meta[p].holders; h != RT_NONE; h = m->holders[h].next)
			if (m->holders[h].kind != RT_H_DRIVER) {
				*pfn = p;
				return h;
			}
	return RT_NONE;
}

int rt_devmem_unplug(struct rt_machine *m, struct dev_pagemap *pgmap)
{
	if (!pgmap)
		return -EINVAL;
	rt_lock(m, CALLER, "rt_devmem_unplug");
	unsigned int sec = pgmap->section;
	if (sec >= m->cfg.nr_sections || m->pgmaps[sec] != pgmap || pgmap->dying) {
		pthread_mutex_unlock(&m->lock);
		return -EINVAL;
	}
	rt_hotplug_write_lock(m);
	pgmap->dying = 1;               /* percpu_ref_kill(): no new references */
	while (rt_pgmap_busy(m, pgmap)) {
		m->inj.block_pgmap = pgmap;
		if (actor_wait(m, RT_PH_BLOCKED_PGMAP))
			continue;
		unsigned long pfn;
		int32_t h = pgmap_blocker(m, pgmap, &pfn);
		rt_note_blocker(m, pfn, h);
		rt_violation(m, RT_V_HOTPLUG_BLOCKED, pfn, h,
			     "memunmap_pages() would wait forever for this reference");
		pgmap->dying = 0;
		rt_hotplug_write_unlock(m);
		pthread_mutex_unlock(&m->lock);
		return -EBUSY;
	}
	unsigned long first = rt_section_first_pfn(m, sec);
	for (unsigned long p = first; p < first + m->cfg.section_pages; p++) {
		int32_t h;
		while ((h = m->meta[p].holders) != RT_NONE)
			rt_holder_drop(m, p, h);
	}
	free_memmap(m, sec);
	m->pgmaps[sec] = NULL;
	m->sec[sec].pgmap = NULL;
	rt_own(m, pgmap);               /* stale pointers stay readable */
	rt_hotplug_write_unlock(m);
	pthread_mutex_unlock(&m->lock);
	return 0;
}

struct dev_pagemap *get_dev_pagemap(unsigned long pfn, struct dev_pagemap *pgmap)
{
	struct rt_machine *m = rt_enter(CALLER, "get_dev_pagemap");
	phys_addr_t phys = PFN_PHYS(pfn);
	if (pgmap) {
		/* the caller already holds a reference on this one */
		if (phys >= pgmap->range.start && phys <= pgmap->range.end)
			goto out;
		int32_t h = rt_holder_find(m, pgmap->holders, RT_KM(RT_H_PGMAP), true);
		if (h != RT_NONE)
			rt_pgmap_holder_drop(m, pgmap, h);
	}
	pgmap = NULL;
	if (pfn < m->nr_pfns) {
		struct dev_pagemap *p = m->pgmaps[rt_pfn_section(m, pfn)];
		if (p && !p->dying) {
			rt_pgmap_holder_add(m, p);
			pgmap = p;
		}
	}
out:
	rt_leave(m);
	return pgmap;
}

/* mm/memremap.c: is pfn a page of pgmap whose memmap was initialised (not
 * in the driver-reserved altmap part)?  Reads only the pgmap. */
bool pgmap_pfn_valid(struct dev_pagemap *pgmap, unsigned long pfn)
{
	struct rt_machine *m = rt_enter(CALLER, "pgmap_pfn_valid");
	bool ok = false;
	if (pgmap && PFN_PHYS(pfn) >= pgmap->range.start && PFN_PHYS(pfn) <= pgmap->range.end &&
	    pfn < m->nr_pfns) {
		ok = m->sec[rt_pfn_section(m, pfn)].sub_init & (1ULL << rt_pfn_sub(m, pfn));
	}
	rt_leave(m);
	return ok;
}

void put_dev_pagemap(struct dev_pagemap *pgmap)
{
	struct rt_machine *m = rt_enter(CALLER, "put_dev_pagemap");
	if (pgmap) {
		int32_t h = rt_holder_find(m, pgmap->holders, RT_KM(RT_H_PGMAP), true);
		if (h != RT_NONE)
			rt_pgmap_holder_drop(m, pgmap, h);
		else
			rt_violation(m, RT_V_LOCK_IMBALANCE, RT_NO_PFN, RT_NONE,
				     "put_dev_pagemap() without a reference");
	}
	rt_leave(m);
}

/* ---- CMA ------------------------------------------------------------------------ */

/* Can [pfn, pfn+n) be claimed?  Notes the first blocking holder. */
static bool window_ok(struct rt_machine *m, unsigned long pfn, unsigned long n,
		      unsigned long *bpfn, int32_t *bh)
{
	for (unsigned long p = pfn; p < pfn + n; p++) {
		int32_t h;
		if (m->meta[p].state == RT_P_FREE)
			continue;
		if (!rt_only_migratable(m, p, &h)) {
			if (*bpfn == RT_NO_PFN) {
				*bpfn = p;
				*bh = h;
			}
			return false;
		}
	}
	return true;
}

int rt_cma_alloc(struct rt_machine *m, unsigned long nr_pages, unsigned long *out)
{
	if (!nr_pages || nr_pages > m->cfg.section_pages)
		return -EINVAL;
	unsigned long align = 1;
	while (align < nr_pages)
		align <<= 1;
	rt_lock(m, CALLER, "rt_cma_alloc");
	unsigned long bpfn = RT_NO_PFN;
	int32_t bh = RT_NONE;
	int rc = -ENOMEM;
	for (unsigned int sec = 0; sec < m->cfg.nr_sections && rc; sec++) {
		if (m->sec[sec].state != RT_SECTION_ONLINE || m->sec[sec].zone != RT_ZONE_CMA ||
		    m->sec[sec].isolated)
			continue;
		unsigned long first = rt_section_first_pfn(m, sec);
		for (unsigned long w = first; w + nr_pages <= first + m->cfg.section_pages; w += align) {
			if (!window_ok(m, w, nr_pages, &bpfn, &bh))
				continue;
			rt_buddy_take_range(m, w, nr_pages);
			rc = 0;
			for (unsigned long p = w; p < w + nr_pages && !rc; p++) {
				int32_t h;
				if (m->meta[p].holders != RT_NONE)
					rc = rt_migrate_page(m, p, RT_ZMASK(RT_ZONE_NORMAL) |
							     RT_ZMASK(RT_ZONE_MOVABLE), -1, &h);
			}
			rt_buddy_take_range(m, w, nr_pages);    /* the migrated-from pages */
			if (rc) {
				for (unsigned long p = w; p < w + nr_pages; p++)
					if (m->meta[p].holders == RT_NONE)
						rt_buddy_free(m, p, 0);
				break;
			}
			for (unsigned long p = w; p < w + nr_pages; p++) {
				m->meta[p].order = 0;
				rt_holder_add(m, p, RT_H_ALLOC, false);
			}
			*out = w;
			break;
		}
	}
	if (rc && bpfn != RT_NO_PFN) {
		rt_note_blocker(m, bpfn, bh);
		rt_violation(m, RT_V_CMA_BLOCKED, bpfn, bh,
			     "CMA allocation blocked by an unmovable holder");
		rc = -EBUSY;
	}
	pthread_mutex_unlock(&m->lock);
	return rc;
}

void rt_cma_release(struct rt_machine *m, unsigned long pfn, unsigned long nr_pages)
{
	rt_lock(m, CALLER, "rt_cma_release");
	for (unsigned long p = pfn; p < pfn + nr_pages && p < m->nr_pfns; p++)
		if (m->meta[p].state == RT_P_USED)
			rt_ref_put(m, p);
	pthread_mutex_unlock(&m->lock);
}

/* ---- standard injected actions -------------------------------------------------- */
int rt_action_hot_remove(struct rt_machine *m, void *sec)
{
	return rt_hot_remove(m, (unsigned int)(uintptr_t)sec);
}

int rt_action_offline(struct rt_machine *m, void *sec)
{
	return rt_offline(m, (unsigned int)(uintptr_t)sec);
}

int rt_action_devmem_unplug(struct rt_machine *m, void *pgmap)
{
	return rt_devmem_unplug(m, pgmap);
}
