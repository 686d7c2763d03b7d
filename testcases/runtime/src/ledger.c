// SPDX-License-Identifier: GPL-2.0
/*
 * ledger.c - who holds each page: references, pins, mappings, with the
 * call site that took them, and the kernel's counts derived from them.
 *
 * The kernel only keeps numbers (refcount, with a bias of
 * GUP_PIN_COUNTING_BIAS per pin on order-0 pages; a separate pincount on
 * large folios).  The model keeps both the numbers, so fixtures see what
 * the kernel would, and a ledger of holders, so it can tell a pin released
 * with put_page() from an unpin, and name the holder that blocks offline.
 *
 * When a release does not match what is held, the model records the
 * violation and then does what the caller evidently meant (drops the pin a
 * put_page() was meant to drop) or nothing if nothing can be meant (a put
 * at refcount zero), so one bug yields one violation, not a cascade.
 */
#include <stdlib.h>
#include "rt_internal.h"

static int32_t holder_new(struct rt_machine *m, int kind, bool longterm)
{
	int32_t h = m->free_holders;
	if (h != RT_NONE) {
		m->free_holders = m->holders[h].next;
	} else {
		if (m->nr_holders == m->cap_holders) {
			int32_t cap = m->cap_holders ? 2 * m->cap_holders : 256;
			struct rt_holder *n = realloc(m->holders, (size_t)cap * sizeof(*n));
			if (!n)
				abort();
			m->holders = n;
			m->cap_holders = cap;
		}
		h = m->nr_holders++;
	}
	struct rt_holder *H = &m->holders[h];
	H->next = RT_NONE;
	H->kind = (uint8_t)kind;
	H->longterm = longterm;
	H->live = true;
	H->epoch = m->epoch;
	H->caller = m->site_caller;
	H->api = m->site_api;
	H->tid = rt_gettid();
	H->obj = NULL;
	H->idx = 0;
	return h;
}

static void holder_free(struct rt_machine *m, int32_t h)
{
	m->holders[h].live = false;
	m->holders[h].next = m->free_holders;
	m->free_holders = h;
}

void rt_holder_unlink(struct rt_machine *m, int32_t *head, int32_t h)
{
	for (int32_t *pp = head; *pp != RT_NONE; pp = &m->holders[*pp].next) {
		if (*pp == h) {
			*pp = m->holders[h].next;
			m->holders[h].next = RT_NONE;
			return;
		}
	}
}

void rt_counts_add(struct rt_machine *m, unsigned long pfn, int kind)
{
	struct page *pg = &m->vmemmap[pfn];
	if (kind == RT_H_PIN && m->meta[pfn].compound) {
		pg->_refcount.counter += 1;
		pg->_pincount.counter += 1;
	} else {
		pg->_refcount.counter += kind == RT_H_PIN ? (int)GUP_PIN_COUNTING_BIAS : 1;
	}
}

static void counts_sub(struct rt_machine *m, unsigned long pfn, int kind)
{
	struct page *pg = &m->vmemmap[pfn];
	if (kind == RT_H_PIN && m->meta[pfn].compound) {
		pg->_refcount.counter -= 1;
		pg->_pincount.counter -= 1;
	} else {
		pg->_refcount.counter -= kind == RT_H_PIN ? (int)GUP_PIN_COUNTING_BIAS : 1;
	}
}

int32_t rt_holder_add(struct rt_machine *m, unsigned long pfn, int kind, bool longterm)
{
	int32_t h = holder_new(m, kind, longterm);
	m->holders[h].next = m->meta[pfn].holders;
	m->meta[pfn].holders = h;
	rt_counts_add(m, pfn, kind);
	return h;
}

/* Holders of a dev_pagemap use the same pool; its ref counts them. */
int32_t rt_pgmap_holder_add(struct rt_machine *m, struct dev_pagemap *pgmap)
{
	int32_t h = holder_new(m, RT_H_PGMAP, false);
	m->holders[h].next = pgmap->holders;
	m->holders[h].obj = pgmap;
	pgmap->holders = h;
	pgmap->ref++;
	return h;
}

void rt_pgmap_holder_drop(struct rt_machine *m, struct dev_pagemap *pgmap, int32_t h)
{
	rt_holder_unlink(m, &pgmap->holders, h);
	holder_free(m, h);
	pgmap->ref--;
	pthread_cond_broadcast(&m->cond);
}

int32_t rt_holder_find(struct rt_machine *m, int32_t head, unsigned int kind_mask,
		       bool prefer_epoch)
{
	int32_t any = RT_NONE;
	for (int32_t h = head; h != RT_NONE; h = m->holders[h].next) {
		if (!(kind_mask & RT_KM(m->holders[h].kind)))
			continue;
		if (!prefer_epoch || m->holders[h].epoch == m->epoch)
			return h;
		if (any == RT_NONE)
			any = h;
	}
	return any;
}

void rt_holder_drop(struct rt_machine *m, unsigned long pfn, int32_t h)
{
	int kind = m->holders[h].kind;
	rt_holder_unlink(m, &m->meta[pfn].holders, h);
	holder_free(m, h);
	counts_sub(m, pfn, kind);
	if (m->vmemmap[pfn]._refcount.counter == 0 && m->meta[pfn].state == RT_P_USED &&
	    m->sec[rt_pfn_section(m, pfn)].state != RT_SECTION_DEVICE)
		rt_buddy_free(m, pfn, m->meta[pfn].order);
	pthread_cond_broadcast(&m->cond);
}

bool rt_page_is_free(struct rt_machine *m, unsigned long pfn)
{
	return m->meta[pfn].state == RT_P_FREE;
}

bool rt_only_migratable(struct rt_machine *m, unsigned long pfn, int32_t *blocker)
{
	*blocker = RT_NONE;
	int32_t head = m->meta[pfn].holders;
	for (int32_t h = head; h != RT_NONE; h = m->holders[h].next) {
		if (m->holders[h].kind != RT_H_MAP) {
			*blocker = h;
			return false;
		}
	}
	return head != RT_NONE && !m->meta[pfn].compound && m->meta[pfn].order == 0;
}

int rt_ref_get(struct rt_machine *m, unsigned long pfn, int kind)
{
	return rt_holder_add(m, pfn, kind, false) == RT_NONE ? -ENOMEM : 0;
}

void rt_ref_put(struct rt_machine *m, unsigned long pfn)
{
	int32_t head = m->meta[pfn].holders;
	int32_t h = rt_holder_find(m, head, RT_KM(RT_H_REF) | RT_KM(RT_H_GUP), true);
	if (h == RT_NONE || m->holders[h].epoch != m->epoch) {
		int32_t a = rt_holder_find(m, head, RT_KM(RT_H_ALLOC), true);
		if (a != RT_NONE && (h == RT_NONE || m->holders[a].epoch == m->epoch))
			h = a;
	}
	if (h != RT_NONE) {
		rt_holder_drop(m, pfn, h);
		return;
	}
	h = rt_holder_find(m, head, RT_KM(RT_H_PIN), true);
	if (h != RT_NONE) {
		rt_violation(m, RT_V_PIN_PUT, pfn, h, "pinned page released with %s()",
			     m->site_api);
		rt_holder_drop(m, pfn, h);
		return;
	}
	if (head != RT_NONE)
		rt_violation(m, RT_V_REF_STOLEN, pfn, head,
			     "%s() of a reference the caller does not hold", m->site_api);
	else
		rt_violation(m, RT_V_REF_UNDERFLOW, pfn, RT_NONE,
			     "%s() with refcount %d", m->site_api,
			     m->vmemmap[pfn]._refcount.counter);
}

void rt_ref_unpin(struct rt_machine *m, unsigned long pfn)
{
	int32_t head = m->meta[pfn].holders;
	if (rt_page_is_free(m, pfn)) {
		rt_violation(m, RT_V_USE_AFTER_FREE, pfn, RT_NONE, "unpin of a free page");
		return;
	}
	int32_t h = rt_holder_find(m, head, RT_KM(RT_H_PIN), true);
	if (h != RT_NONE) {
		rt_holder_drop(m, pfn, h);
		return;
	}
	h = rt_holder_find(m, head, RT_KM(RT_H_GUP) | RT_KM(RT_H_REF) | RT_KM(RT_H_ALLOC), true);
	if (h != RT_NONE) {
		rt_violation(m, RT_V_GET_UNPIN, pfn, h, "reference released with %s()",
			     m->site_api);
		rt_holder_drop(m, pfn, h);
		return;
	}
	rt_violation(m, RT_V_UNPIN_UNPINNED, pfn, RT_NONE, "%s() of a page with no pin",
		     m->site_api);
}

void rt_note_blocker(struct rt_machine *m, unsigned long pfn, int32_t h)
{
	struct rt_blocker *b = &m->blocker;
	b->pfn = pfn;
	b->holder_kind = h == RT_NONE ? -1 : m->holders[h].kind;
	b->holder_caller = h == RT_NONE ? NULL : m->holders[h].caller;
	b->holder_api = h == RT_NONE ? NULL : m->holders[h].api;
	b->holder_func[0] = 0;
	if (b->holder_caller)
		rt_symbolize(b->holder_caller, b->holder_func, sizeof(b->holder_func));
	m->has_blocker = true;
}

bool rt_last_blocker(struct rt_machine *m, struct rt_blocker *out)
{
	pthread_mutex_lock(&m->lock);
	bool has = m->has_blocker;
	if (has)
		*out = m->blocker;
	pthread_mutex_unlock(&m->lock);
	return has;
}

static bool leak_kind(int kind)
{
	return kind == RT_H_ALLOC || kind == RT_H_REF || kind == RT_H_GUP ||
	       kind == RT_H_PIN || kind == RT_H_TABLE;
}

void rt_leak_check(struct rt_machine *m)
{
	for (unsigned long p = 0; p < m->nr_pfns; p++)
		for (int32_t h = m->meta[p].holders; h != RT_NONE; h = m->holders[h].next)
			if (m->holders[h].epoch == m->epoch && leak_kind(m->holders[h].kind))
				rt_violation(m, RT_V_LEAK, p, h, "%s still held at fixture end",
					     rt_holder_kind_name(m->holders[h].kind));
	for (unsigned int s = 0; s < RT_MAX_SECTIONS; s++) {
		struct dev_pagemap *pg = m->pgmaps[s];
		if (!pg)
			continue;
		for (int32_t h = pg->holders; h != RT_NONE; h = m->holders[h].next)
			if (m->holders[h].epoch == m->epoch)
				rt_violation(m, RT_V_LEAK, RT_NO_PFN, h,
					     "dev_pagemap reference still held at fixture end");
	}
}

const char *rt_holder_kind_name(int kind)
{
	static const char *const n[] = { "allocation", "reference", "gup reference",
					 "pin", "mapping", "driver reference",
					 "page-table page", "pgmap reference" };
	return kind >= 0 && kind < RT_NR_HOLDER_KINDS ? n[kind] : "none";
}

int rt_page_holders(struct rt_machine *m, unsigned long pfn, struct rt_holder_info *out,
		    int max)
{
	int n = 0;
	if (pfn >= m->nr_pfns)
		return 0;
	pthread_mutex_lock(&m->lock);
	for (int32_t h = m->meta[pfn].holders; h != RT_NONE; h = m->holders[h].next, n++) {
		if (n < max) {
			struct rt_holder *H = &m->holders[h];
			out[n] = (struct rt_holder_info){ H->kind, H->longterm, H->epoch,
							  H->caller, H->api, H->tid };
		}
	}
	pthread_mutex_unlock(&m->lock);
	return n;
}

int rt_page_refcount(struct rt_machine *m, unsigned long pfn)
{
	if (pfn >= m->nr_pfns)
		return 0;
	pthread_mutex_lock(&m->lock);
	int r = m->vmemmap[pfn]._refcount.counter;
	pthread_mutex_unlock(&m->lock);
	return r;
}

int rt_page_pins(struct rt_machine *m, unsigned long pfn)
{
	int n = 0;
	if (pfn >= m->nr_pfns)
		return 0;
	pthread_mutex_lock(&m->lock);
	for (int32_t h = m->meta[pfn].holders; h != RT_NONE; h = m->holders[h].next)
		n += m->holders[h].kind == RT_H_PIN;
	pthread_mutex_unlock(&m->lock);
	return n;
}
