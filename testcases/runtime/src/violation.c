// SPDX-License-Identifier: GPL-2.0
/*
 * violation.c - recording what the model saw go wrong, and reporting it.
 *
 * Identical occurrences (same kind, pfn, call site, fixture, holder, thread
 * and message) are folded into one record with a count, so a walker that trips over the same
 * poisoned page a million times keeps memory bounded.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "rt_internal.h"

#define RT_MAX_VIOLATIONS 20000

static const char *const kind_names[RT_NR_VIOLATION_KINDS] = {
	[RT_V_MEMMAP_UNINIT] = "memmap-uninitialised",
	[RT_V_MEMMAP_FREED] = "memmap-freed",
	[RT_V_MEMMAP_ABSENT] = "memmap-absent",
	[RT_V_BAD_PAGE] = "bad-page-pointer",
	[RT_V_NET_IOV_MM] = "net-iov-to-mm",
	[RT_V_USE_AFTER_FREE] = "use-after-free",
	[RT_V_REF_UNDERFLOW] = "refcount-underflow",
	[RT_V_DOUBLE_FREE] = "double-free",
	[RT_V_PIN_PUT] = "pin-released-with-put",
	[RT_V_GET_UNPIN] = "get-released-with-unpin",
	[RT_V_UNPIN_UNPINNED] = "unpin-unpinned",
	[RT_V_REF_STOLEN] = "put-of-unheld-reference",
	[RT_V_LEAK] = "leak",
	[RT_V_HOTPLUG_BLOCKED] = "hotplug-blocked",
	[RT_V_CMA_BLOCKED] = "cma-blocked",
	[RT_V_LONGTERM_BLOCKED] = "longterm-pin-blocked",
	[RT_V_LOCK_IMBALANCE] = "lock-imbalance",
	[RT_V_SLEEP_IN_RCU] = "sleep-in-rcu",
	[RT_V_BAD_ARG] = "bad-argument",
};

const char *rt_violation_kind_name(enum rt_violation_kind kind)
{
	return (unsigned)kind < RT_NR_VIOLATION_KINDS ? kind_names[kind] : "unknown";
}

static uint64_t mix(uint64_t h, uint64_t v)
{
	h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
	return h;
}

static uint64_t vkey(const struct rt_violation *v)
{
	uint64_t h = mix(0, (uint64_t)v->kind);
	h = mix(h, v->pfn);
	h = mix(h, (uintptr_t)v->caller);
	h = mix(h, (uintptr_t)v->fixture);
	h = mix(h, (uintptr_t)v->holder_caller);
	for (const char *c = v->detail; *c; c++)
		h = mix(h, (unsigned char)*c);
	return h | 1;                   /* 0 marks an empty slot */
}

static bool same(const struct rt_violation *a, const struct rt_violation *b)
{
	return a->kind == b->kind && a->pfn == b->pfn && a->caller == b->caller &&
	       a->fixture == b->fixture && a->holder_caller == b->holder_caller &&
	       a->holder_kind == b->holder_kind && a->tid == b->tid &&
	       !strcmp(a->detail, b->detail);
}

static void vhash_insert(struct rt_machine *m, uint64_t key, int32_t idx)
{
	size_t mask = m->vhash_cap - 1, i = key & mask;
	while (m->vhash[i].key)
		i = (i + 1) & mask;
	m->vhash[i].key = key;
	m->vhash[i].idx = idx;
}

static void vhash_grow(struct rt_machine *m)
{
	size_t cap = m->vhash_cap ? 2 * m->vhash_cap : 256;
	free(m->vhash);
	m->vhash = calloc(cap, sizeof(*m->vhash));
	if (!m->vhash)
		abort();
	m->vhash_cap = cap;
	for (size_t i = 0; i < m->nr_viol; i++)
		vhash_insert(m, vkey(&m->viol[i]), (int32_t)i);
}

void rt_violation(struct rt_machine *m, enum rt_violation_kind kind, unsigned long pfn,
		  int32_t holder, const char *fmt, ...)
{
	struct rt_violation v;
	memset(&v, 0, sizeof(v));
	v.kind = kind;
	v.pfn = pfn;
	v.caller = m->site_caller;
	v.api = m->site_api;
	v.fixture = m->fixture;
	v.tid = rt_gettid();
	v.point = m->inj.in_fixture && m->inj.trigger_at > 0 ? m->inj.trigger_at : -1;
	v.count = 1;
	v.holder_kind = -1;
	if (holder != RT_NONE) {
		v.holder_kind = m->holders[holder].kind;
		v.holder_caller = m->holders[holder].caller;
		v.holder_api = m->holders[holder].api;
	}
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(v.detail, sizeof(v.detail), fmt, ap);
	va_end(ap);
	uint64_t key = vkey(&v);
	if (m->vhash_cap) {
		size_t mask = m->vhash_cap - 1;
		for (size_t i = key & mask; m->vhash[i].key; i = (i + 1) & mask) {
			struct rt_violation *o = &m->viol[m->vhash[i].idx];
			if (m->vhash[i].key == key && same(o, &v)) {
				o->count++;
				return;
			}
		}
	}
	if (m->nr_viol >= RT_MAX_VIOLATIONS) {
		m->viol_dropped++;
		return;
	}
	if (v.caller)
		rt_symbolize(v.caller, v.func, sizeof(v.func));
	if (v.holder_caller)
		rt_symbolize(v.holder_caller, v.holder_func, sizeof(v.holder_func));
	if (m->nr_viol == m->cap_viol) {
		size_t cap = m->cap_viol ? 2 * m->cap_viol : 64;
		struct rt_violation *n = realloc(m->viol, cap * sizeof(*n));
		if (!n)
			abort();
		m->viol = n;
		m->cap_viol = cap;
	}
	m->viol[m->nr_viol] = v;
	if (2 * (m->nr_viol + 1) > m->vhash_cap)
		vhash_grow(m);          /* re-inserts everything but the new one */
	vhash_insert(m, key, (int32_t)m->nr_viol);
	m->nr_viol++;
}

size_t rt_violation_count(struct rt_machine *m)
{
	pthread_mutex_lock(&m->lock);
	size_t n = m->nr_viol;
	pthread_mutex_unlock(&m->lock);
	return n;
}

size_t rt_violation_count_kind(struct rt_machine *m, enum rt_violation_kind kind)
{
	size_t n = 0;
	pthread_mutex_lock(&m->lock);
	for (size_t i = 0; i < m->nr_viol; i++)
		n += m->viol[i].kind == kind;
	pthread_mutex_unlock(&m->lock);
	return n;
}

unsigned long rt_violation_count_func(struct rt_machine *m, const char *func, int kind)
{
	unsigned long n = 0;
	pthread_mutex_lock(&m->lock);
	for (size_t i = 0; i < m->nr_viol; i++)
		if ((kind < 0 || (int)m->viol[i].kind == kind) && !strcmp(m->viol[i].func, func))
			n += m->viol[i].count;
	pthread_mutex_unlock(&m->lock);
	return n;
}

bool rt_violation_get(struct rt_machine *m, size_t i, struct rt_violation *out)
{
	pthread_mutex_lock(&m->lock);
	bool ok = i < m->nr_viol;
	if (ok)
		*out = m->viol[i];
	pthread_mutex_unlock(&m->lock);
	return ok;
}

void rt_violations_reset(struct rt_machine *m)
{
	pthread_mutex_lock(&m->lock);
	m->nr_viol = 0;
	m->viol_dropped = 0;
	if (m->vhash)
		memset(m->vhash, 0, m->vhash_cap * sizeof(*m->vhash));
	pthread_mutex_unlock(&m->lock);
}

static void print_at(FILE *f, const struct rt_violation *v, const char *where)
{
	fprintf(f, "%s: %s", where, rt_violation_kind_name(v->kind));
	if (v->pfn != RT_NO_PFN)
		fprintf(f, " pfn %#lx", v->pfn);
	fprintf(f, " in %s() calling %s(): %s", v->func[0] ? v->func : "??",
		v->api ? v->api : "??", v->detail);
	if (v->holder_kind >= 0)
		fprintf(f, "; held as %s by %s() via %s()", rt_holder_kind_name(v->holder_kind),
			v->holder_func[0] ? v->holder_func : "??",
			v->holder_api ? v->holder_api : "??");
	fprintf(f, " [thread %d", v->tid);
	if (v->fixture)
		fprintf(f, ", fixture %s", v->fixture);
	if (v->point >= 0)
		fprintf(f, ", injected at call %ld", v->point);
	if (v->count > 1)
		fprintf(f, ", %lu times", v->count);
	fprintf(f, "]\n");
}

void rt_violation_print(FILE *f, const struct rt_violation *v)
{
	char where[160] = "??";
	if (v->caller)
		rt_srcline(v->caller, where, sizeof(where));
	print_at(f, v, where);
}

void rt_report(struct rt_machine *m, FILE *f)
{
	unsigned long per[RT_NR_VIOLATION_KINDS] = { 0 };
	pthread_mutex_lock(&m->lock);
	size_t n = m->nr_viol;
	struct rt_violation *copy = malloc((n ? n : 1) * sizeof(*copy));
	if (!copy)
		abort();
	memcpy(copy, m->viol, n * sizeof(*copy));
	unsigned long dropped = m->viol_dropped;
	pthread_mutex_unlock(&m->lock);
	fprintf(f, "pagelife runtime: %zu violation record%s\n", n, n == 1 ? "" : "s");
	/* addr2line runs once per distinct call site */
	struct { const void *addr; char where[160]; } cache[16];
	unsigned int nc = 0;
	for (size_t i = 0; i < n; i++) {
		per[copy[i].kind] += copy[i].count;
		if (i >= 100)
			continue;
		unsigned int c = 0;
		while (c < nc && cache[c].addr != copy[i].caller)
			c++;
		if (c == nc) {
			c = nc < 16 ? nc++ : 15;
			cache[c].addr = copy[i].caller;
			snprintf(cache[c].where, sizeof(cache[c].where), "??");
			if (copy[i].caller)
				rt_srcline(copy[i].caller, cache[c].where, sizeof(cache[c].where));
		}
		print_at(f, &copy[i], cache[c].where);
	}
	if (n > 100)
		fprintf(f, "... %zu more records\n", n - 100);
	for (int k = 0; k < RT_NR_VIOLATION_KINDS; k++)
		if (per[k])
			fprintf(f, "  %-26s %lu\n", kind_names[k], per[k]);
	if (dropped)
		fprintf(f, "  (%lu records dropped: limit %d)\n", dropped, RT_MAX_VIOLATIONS);
	free(copy);
}
