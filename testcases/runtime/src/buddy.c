// SPDX-License-Identifier: GPL-2.0
/*
 * buddy.c - a buddy page allocator per zone kind, with injectable failure.
 *
 * Free blocks never cross a section (sections are power-of-two aligned and
 * the maximum order is at most the section order), so a section can be
 * isolated and taken offline by pulling its blocks off the lists.
 */
#include <string.h>
#include "rt_internal.h"

static int zone_of(struct rt_machine *m, unsigned long pfn)
{
	return (int)m->sec[rt_pfn_section(m, pfn)].zone;
}

static void list_add(struct rt_machine *m, unsigned long pfn, unsigned int order)
{
	int z = zone_of(m, pfn);
	struct rt_pmeta *pm = &m->meta[pfn];
	pm->next = m->free_head[z][order];
	pm->prev = RT_NONE;
	if (pm->next != RT_NONE)
		m->meta[pm->next].prev = (int32_t)pfn;
	m->free_head[z][order] = (int32_t)pfn;
	pm->buddy_head = true;
	pm->order = (uint8_t)order;
	m->vmemmap[pfn].flags |= 1UL << PG_buddy;
	m->nr_free[z] += 1UL << order;
}

static void list_del(struct rt_machine *m, unsigned long pfn)
{
	int z = zone_of(m, pfn);
	struct rt_pmeta *pm = &m->meta[pfn];
	if (pm->prev != RT_NONE)
		m->meta[pm->prev].next = pm->next;
	else
		m->free_head[z][pm->order] = pm->next;
	if (pm->next != RT_NONE)
		m->meta[pm->next].prev = pm->prev;
	pm->next = pm->prev = RT_NONE;
	pm->buddy_head = false;
	m->vmemmap[pfn].flags &= ~(1UL << PG_buddy);
	m->nr_free[z] -= 1UL << pm->order;
}

static void mark(struct rt_machine *m, unsigned long pfn, unsigned long n, uint8_t state)
{
	for (unsigned long p = pfn; p < pfn + n; p++)
		m->meta[p].state = state;
}

/* Put a block on the free lists, merging with free buddies. */
static void free_merge(struct rt_machine *m, unsigned long pfn, unsigned int order)
{
	mark(m, pfn, 1UL << order, RT_P_FREE);
	if (m->sec[rt_pfn_section(m, pfn)].isolated)
		return;                 /* stays off the lists until un-isolated */
	while (order < m->max_order) {
		unsigned long buddy = pfn ^ (1UL << order);
		struct rt_pmeta *bm = &m->meta[buddy];
		if (!bm->buddy_head || bm->order != order)
			break;
		list_del(m, buddy);
		pfn &= ~(1UL << order);
		order++;
	}
	list_add(m, pfn, order);
}

void rt_buddy_free(struct rt_machine *m, unsigned long pfn, unsigned int order)
{
	for (unsigned long p = pfn; p < pfn + (1UL << order); p++) {
		struct page *pg = &m->vmemmap[p];
		pg->flags &= (RT_ZONES_MASK << RT_ZONES_SHIFT) | (RT_NODES_MASK << RT_NODES_SHIFT);
		pg->compound_head = 0;
		pg->mapping = NULL;
		pg->index = 0;
		pg->private = 0;
		pg->_refcount.counter = 0;
		pg->_pincount.counter = 0;
		m->meta[p].compound = false;
	}
	free_merge(m, pfn, order);
	pthread_cond_broadcast(&m->cond);
}

unsigned int rt_gfp_zone_mask(gfp_t gfp)
{
	if (gfp & __GFP_MOVABLE)
		return RT_ZMASK(RT_ZONE_NORMAL) | RT_ZMASK(RT_ZONE_MOVABLE) | RT_ZMASK(RT_ZONE_CMA);
	return RT_ZMASK(RT_ZONE_NORMAL);
}

/* Movable allocations prefer ZONE_MOVABLE and CMA, keeping NORMAL for the
 * kernel, as the kernel's zonelists and CMA fallback do. */
long rt_buddy_alloc(struct rt_machine *m, unsigned int order, unsigned int zone_mask,
		    int exclude_section)
{
	static const int pref[] = { RT_ZONE_MOVABLE, RT_ZONE_CMA, RT_ZONE_NORMAL };
	if (order > m->max_order)
		return RT_NONE;
	for (unsigned int i = 0; i < 3; i++) {
		int z = pref[i];
		if (!(zone_mask & RT_ZMASK(z)))
			continue;
		for (unsigned int o = order; o <= m->max_order; o++) {
			int32_t p = m->free_head[z][o];
			while (p != RT_NONE && (int)rt_pfn_section(m, (unsigned long)p) == exclude_section)
				p = m->meta[p].next;
			if (p == RT_NONE)
				continue;
			unsigned long pfn = (unsigned long)p;
			list_del(m, pfn);
			while (o > order) {
				o--;
				list_add(m, pfn + (1UL << o), o);
			}
			mark(m, pfn, 1UL << order, RT_P_USED);
			m->meta[pfn].order = (uint8_t)order;
			return (long)pfn;
		}
	}
	return RT_NONE;
}

void rt_buddy_add_section(struct rt_machine *m, unsigned int sec)
{
	unsigned long first = rt_section_first_pfn(m, sec);
	unsigned long step = 1UL << m->max_order;
	for (unsigned long p = first; p < first + m->cfg.section_pages; p += step)
		free_merge(m, p, m->max_order);
}

void rt_buddy_isolate_section(struct rt_machine *m, unsigned int sec)
{
	unsigned long first = rt_section_first_pfn(m, sec);
	for (unsigned long p = first; p < first + m->cfg.section_pages; p++)
		if (m->meta[p].buddy_head)
			list_del(m, p);
	m->sec[sec].isolated = true;
}

void rt_buddy_unisolate_section(struct rt_machine *m, unsigned int sec)
{
	unsigned long first = rt_section_first_pfn(m, sec);
	m->sec[sec].isolated = false;
	for (unsigned long p = first; p < first + m->cfg.section_pages; p++)
		if (m->meta[p].state == RT_P_FREE && !m->meta[p].buddy_head)
			free_merge(m, p, 0);
}

/* Take the free pages of [pfn, pfn+n) off the lists (for CMA), leaving the
 * used ones to the caller. */
void rt_buddy_take_range(struct rt_machine *m, unsigned long pfn, unsigned long n)
{
	for (unsigned long p = pfn; p < pfn + n; p++) {
		if (m->meta[p].state != RT_P_FREE)
			continue;
		for (unsigned int o = 0; o <= m->max_order; o++) {
			unsigned long h = p & ~((1UL << o) - 1);
			if (!m->meta[h].buddy_head || m->meta[h].order < o)
				continue;
			unsigned int bo = m->meta[h].order;
			list_del(m, h);
			mark(m, h, 1UL << bo, RT_P_USED);
			for (unsigned long q = h; q < h + (1UL << bo); q++)
				if (q < pfn || q >= pfn + n)
					free_merge(m, q, 0);
			break;
		}
	}
}

bool rt_alloc_should_fail(struct rt_machine *m)
{
	m->alloc_calls++;
	if (!m->fail_count)
		return false;
	if (m->fail_after) {
		m->fail_after--;
		return false;
	}
	m->fail_count--;
	return true;
}

long rt_alloc_pages(struct rt_machine *m, gfp_t gfp, unsigned int order, int kind)
{
	if (order > m->max_order) {
		rt_violation(m, RT_V_BAD_ARG, RT_NO_PFN, RT_NONE,
			     "order %u above the maximum order %u", order, m->max_order);
		return RT_NONE;
	}
	if (rt_alloc_should_fail(m))
		return RT_NONE;
	long pfn = rt_buddy_alloc(m, order, rt_gfp_zone_mask(gfp), -1);
	if (pfn == RT_NONE)
		return RT_NONE;
	unsigned long n = 1UL << order, head = (unsigned long)pfn;
	if ((gfp & __GFP_COMP) && order) {
		m->meta[head].compound = true;
		m->vmemmap[head].flags |= 1UL << PG_head;
		for (unsigned long p = head + 1; p < head + n; p++)
			m->vmemmap[p].compound_head = (unsigned long)&m->vmemmap[head] | 1UL;
	}
	if (gfp & __GFP_ZERO)
		memset(rt_pfn_data(m, head), 0, n * PAGE_SIZE);
	rt_holder_add(m, head, kind, false);
	return pfn;
}

void rt_fail_alloc(struct rt_machine *m, unsigned long after, unsigned long count)
{
	pthread_mutex_lock(&m->lock);
	m->fail_after = after;
	m->fail_count = count;
	pthread_mutex_unlock(&m->lock);
}

void rt_fail_alloc_clear(struct rt_machine *m) { rt_fail_alloc(m, 0, 0); }

unsigned long rt_alloc_calls(struct rt_machine *m)
{
	pthread_mutex_lock(&m->lock);
	unsigned long n = m->alloc_calls;
	pthread_mutex_unlock(&m->lock);
	return n;
}

unsigned long rt_nr_free_pages(struct rt_machine *m, enum rt_zone zone)
{
	if ((int)zone >= RT_NR_BUDDY_ZONES)
		return 0;
	pthread_mutex_lock(&m->lock);
	unsigned long n = m->nr_free[zone];
	pthread_mutex_unlock(&m->lock);
	return n;
}

unsigned long rt_nr_used_pages(struct rt_machine *m)
{
	unsigned long n = 0;
	pthread_mutex_lock(&m->lock);
	for (unsigned long p = 0; p < m->nr_pfns; p++)
		if (m->meta[p].state == RT_P_USED &&
		    m->sec[rt_pfn_section(m, p)].state != RT_SECTION_DEVICE)
			n++;
	pthread_mutex_unlock(&m->lock);
	return n;
}
