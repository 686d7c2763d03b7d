// SPDX-License-Identifier: GPL-2.0
/*
 * machine.c - the model's context: creation, teardown, the current-machine
 * pointer and the bookkeeping every kernel API call starts with.
 */
#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/mman.h>
#include "rt_internal.h"

/*
 * The one piece of global mutable state: kernel-named functions have
 * kernel signatures, so they cannot be handed the machine.  Everything
 * else lives in struct rt_machine.
 */
static struct rt_machine *rt_current_machine;

__thread struct rt_tls rt_tls;

void rt_config_default(struct rt_config *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	cfg->nr_sections = 16;
	cfg->section_pages = 256;
	cfg->subsections = 4;
	for (unsigned int i = 0; i < RT_MAX_SECTIONS; i++)
		cfg->boot_zone[i] = -1;
	for (unsigned int i = 0; i < 4; i++)
		cfg->boot_zone[i] = RT_ZONE_NORMAL;
	cfg->boot_zone[4] = RT_ZONE_MOVABLE;
	cfg->boot_zone[5] = RT_ZONE_MOVABLE;
	cfg->boot_zone[6] = RT_ZONE_CMA;
}

static bool is_pow2(unsigned long x) { return x && !(x & (x - 1)); }

static unsigned int ilog2u(unsigned long x)
{
	unsigned int r = 0;
	while (x >>= 1)
		r++;
	return r;
}

struct rt_machine *rt_machine_create(const struct rt_config *cfg)
{
	struct rt_config def;
	if (!cfg) {
		rt_config_default(&def);
		cfg = &def;
	}
	if (!cfg->nr_sections || cfg->nr_sections > RT_MAX_SECTIONS ||
	    !is_pow2(cfg->section_pages) || cfg->section_pages < 8 ||
	    !is_pow2(cfg->subsections) || cfg->subsections > 64 ||
	    cfg->subsections > cfg->section_pages)
		return NULL;

	struct rt_machine *m = calloc(1, sizeof(*m));
	if (!m)
		return NULL;
	m->cfg = *cfg;
	pthread_mutex_init(&m->lock, NULL);
	pthread_cond_init(&m->cond, NULL);
	m->section_shift = ilog2u(cfg->section_pages);
	m->sub_shift = m->section_shift - ilog2u(cfg->subsections);
	m->max_order = m->section_shift < RT_MAX_ORDER ? m->section_shift : RT_MAX_ORDER;
	m->nr_pfns = (unsigned long)cfg->nr_sections * cfg->section_pages;
	m->vmemmap = malloc(m->nr_pfns * sizeof(struct page));
	m->meta = calloc(m->nr_pfns, sizeof(struct rt_pmeta));
	/* Physical memory: reserved, populated only where touched. */
	m->phys = mmap(NULL, m->nr_pfns * PAGE_SIZE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (!m->vmemmap || !m->meta || m->phys == MAP_FAILED) {
		if (m->phys == MAP_FAILED)
			m->phys = NULL;
		rt_machine_destroy(m);
		return NULL;
	}
	/* The virtual memmap exists from the start (vmemmap); what is behind
	 * each section is tracked in m->sec, and unbacked entries read as
	 * poison. */
	memset(m->vmemmap, RT_POISON_BYTE, m->nr_pfns * sizeof(struct page));
	for (unsigned long p = 0; p < m->nr_pfns; p++) {
		m->meta[p].holders = RT_NONE;
		m->meta[p].next = m->meta[p].prev = RT_NONE;
	}
	for (int z = 0; z < RT_NR_BUDDY_ZONES; z++)
		for (int o = 0; o <= RT_MAX_ORDER; o++)
			m->free_head[z][o] = RT_NONE;
	static const char *const names[] = { "Normal", "Movable", "Device" };
	for (int z = 0; z < __MAX_NR_ZONES; z++) {
		m->zones[z].name = names[z];
		m->zones[z].zone_idx = (enum zone_type)z;
	}
	m->poison_zone.name = "(poisoned)";
	m->poison_zone.zone_idx = __MAX_NR_ZONES;
	m->free_holders = RT_NONE;
	m->inj.trigger_at = 0;

	for (unsigned int s = 0; s < cfg->nr_sections; s++) {
		if (cfg->boot_zone[s] < 0)
			continue;
		if (cfg->boot_zone[s] >= RT_ZONE_DEVICE || rt_hot_add(m, s) ||
		    rt_online(m, s, (enum rt_zone)cfg->boot_zone[s])) {
			rt_machine_destroy(m);
			return NULL;
		}
	}
	return m;
}

void rt_machine_destroy(struct rt_machine *m)
{
	if (!m)
		return;
	if (rt_machine_current() == m)
		rt_machine_set_current(NULL);
	for (unsigned int i = 0; i < m->nr_owned; i++)
		free(m->owned[i]);
	free(m->owned);
	for (unsigned int s = 0; s < RT_MAX_SECTIONS; s++)
		free(m->pgmaps[s]);
	free(m->niov);
	free(m->vmemmap);
	free(m->meta);
	if (m->phys)
		munmap(m->phys, m->nr_pfns * PAGE_SIZE);
	free(m->holders);
	free(m->viol);
	free(m->vhash);
	pthread_cond_destroy(&m->cond);
	pthread_mutex_destroy(&m->lock);
	free(m);
}

void rt_machine_set_current(struct rt_machine *m)
{
	__atomic_store_n(&rt_current_machine, m, __ATOMIC_RELEASE);
}

struct rt_machine *rt_machine_current(void)
{
	return __atomic_load_n(&rt_current_machine, __ATOMIC_ACQUIRE);
}

struct rt_machine *rt_cur(void)
{
	struct rt_machine *m = rt_machine_current();
	if (!m) {
		fprintf(stderr, "pagelife runtime: kernel API called with no current "
			"machine; call rt_machine_set_current() first\n");
		abort();
	}
	return m;
}

const struct rt_config *rt_machine_config(const struct rt_machine *m) { return &m->cfg; }
unsigned long rt_nr_pfns(const struct rt_machine *m) { return m->nr_pfns; }

unsigned long rt_section_first_pfn(const struct rt_machine *m, unsigned int sec)
{
	return (unsigned long)sec << m->section_shift;
}

int rt_gettid(void) { return (int)gettid(); }

void rt_lock(struct rt_machine *m, const void *caller, const char *api)
{
	pthread_mutex_lock(&m->lock);
	m->site_caller = caller;
	m->site_api = api;
}

void rt_enter_locked(struct rt_machine *m, const void *caller, const char *api)
{
	rt_point(m);                    /* may wait, dropping the lock */
	m->site_caller = caller;
	m->site_api = api;
}

/* Every kernel-named function starts here: it is a preemption point. */
struct rt_machine *rt_enter(const void *caller, const char *api)
{
	struct rt_machine *m = rt_cur();
	pthread_mutex_lock(&m->lock);
	rt_enter_locked(m, caller, api);
	return m;
}

/* ...and ends here: the end of a call is a point too (see inject.c). */
void rt_leave(struct rt_machine *m)
{
	rt_settle(m);
	pthread_mutex_unlock(&m->lock);
}

void rt_own(struct rt_machine *m, void *obj)
{
	if (m->nr_owned == m->cap_owned) {
		unsigned int cap = m->cap_owned ? 2 * m->cap_owned : 8;
		void **n = realloc(m->owned, cap * sizeof(*n));
		if (!n)
			abort();
		m->owned = n;
		m->cap_owned = cap;
	}
	m->owned[m->nr_owned++] = obj;
}

void rt_disown(struct rt_machine *m, void *obj)
{
	for (unsigned int i = 0; i < m->nr_owned; i++) {
		if (m->owned[i] == obj) {
			m->owned[i] = m->owned[--m->nr_owned];
			return;
		}
	}
}

enum rt_section_state rt_section_state(struct rt_machine *m, unsigned int sec)
{
	if (sec >= m->cfg.nr_sections)
		return RT_SECTION_ABSENT;
	pthread_mutex_lock(&m->lock);
	enum rt_section_state st = m->sec[sec].state;
	pthread_mutex_unlock(&m->lock);
	return st;
}

enum rt_zone rt_section_zone(struct rt_machine *m, unsigned int sec)
{
	if (sec >= m->cfg.nr_sections)
		return RT_ZONE_NORMAL;
	pthread_mutex_lock(&m->lock);
	enum rt_zone z = m->sec[sec].zone;
	pthread_mutex_unlock(&m->lock);
	return z;
}

/* Kernel view of a page's refcount and pincount from its ledger. */
static void expected_counts(struct rt_machine *m, unsigned long pfn, int *ref, int *pin)
{
	*ref = *pin = 0;
	for (int32_t h = m->meta[pfn].holders; h != RT_NONE; h = m->holders[h].next) {
		if (m->holders[h].kind == RT_H_PIN) {
			(*pin)++;
			*ref += m->meta[pfn].compound ? 1 : GUP_PIN_COUNTING_BIAS;
		} else {
			(*ref)++;
		}
	}
}

int rt_machine_check(struct rt_machine *m, char *why, size_t len)
{
	int rc = 0;
	pthread_mutex_lock(&m->lock);
	unsigned long nfree[RT_NR_BUDDY_ZONES] = { 0 };
	for (int z = 0; z < RT_NR_BUDDY_ZONES; z++) {
		for (unsigned int o = 0; o <= m->max_order; o++) {
			for (int32_t p = m->free_head[z][o]; p != RT_NONE; p = m->meta[p].next) {
				struct rt_pmeta *pm = &m->meta[p];
				unsigned int s = rt_pfn_section(m, (unsigned long)p);
				if (!pm->buddy_head || pm->order != o || pm->state != RT_P_FREE ||
				    (p & ((1L << o) - 1)) || m->sec[s].zone != (enum rt_zone)z ||
				    m->sec[s].state != RT_SECTION_ONLINE) {
					snprintf(why, len, "bad free block pfn %d order %u", p, o);
					rc = -1;
					goto out;
				}
				nfree[z] += 1UL << o;
			}
		}
		if (nfree[z] != m->nr_free[z]) {
			snprintf(why, len, "zone %d: %lu free pages listed, %lu counted",
				 z, nfree[z], m->nr_free[z]);
			rc = -1;
			goto out;
		}
	}
	for (unsigned long p = 0; p < m->nr_pfns; p++) {
		struct rt_pmeta *pm = &m->meta[p];
		unsigned int s = rt_pfn_section(m, p);
		if (pm->state == RT_P_NONE) {
			if (pm->holders != RT_NONE) {
				snprintf(why, len, "pfn %lu: holders on an unmanaged page", p);
				rc = -1;
				goto out;
			}
			continue;
		}
		if (!rt_pfn_initialised(m, p)) {
			snprintf(why, len, "pfn %lu: managed page with uninitialised memmap", p);
			rc = -1;
			goto out;
		}
		int ref, pin;
		expected_counts(m, p, &ref, &pin);
		if (pm->state == RT_P_FREE && (ref || m->vmemmap[p]._refcount.counter)) {
			snprintf(why, len, "pfn %lu: free page with references", p);
			rc = -1;
			goto out;
		}
		if (m->sec[s].state == RT_SECTION_DEVICE && pm->holders == RT_NONE)
			continue;
		if (pm->state == RT_P_USED && m->vmemmap[p]._refcount.counter != ref) {
			snprintf(why, len, "pfn %lu: refcount %d, ledger says %d", p,
				 m->vmemmap[p]._refcount.counter, ref);
			rc = -1;
			goto out;
		}
		if (pm->compound && m->vmemmap[p]._pincount.counter != pin) {
			snprintf(why, len, "pfn %lu: pincount %d, ledger says %d", p,
				 m->vmemmap[p]._pincount.counter, pin);
			rc = -1;
			goto out;
		}
	}
out:
	pthread_mutex_unlock(&m->lock);
	return rc;
}
