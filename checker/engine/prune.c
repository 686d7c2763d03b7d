/* What the states entering a block keep: the slots something ahead may
 * read or test, the ones the checks read at every return (parameters,
 * page arrays, compared pointers), references still owed (a leak is seen
 * at the return, whether or not the variable is read again), and what
 * stays tied to those: values of the same object (a guard or a release of
 * it reaches them, and they name it) and the variables a kept fact is
 * about.  The decision is made for all the block's incoming states at once,
 * so a slot kept on one path is kept on all and joins as before, and a
 * slot once kept at a block stays kept there: the kept sets only grow, so
 * they settle, and the fixpoint converges as it does without pruning. */
#include "prune.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

static int sticky_slot(const struct pl_slot *sl)
{
	return sl->is_param || sl->param_index >= 0 || sl->is_elem || sl->elem_of_param;
}

void prune_init(struct pl_prune *p, const struct pl_fn *fn, const struct pl_live *reads, const struct pl_live *keys,
		const int *pairs, size_t npairs)
{
	memset(p, 0, sizeof(*p));
	p->fn = fn;
	p->reads = reads;
	p->keys = keys;
	size_t ns = fn->nslots ? fn->nslots : 1;
	p->sticky = xcalloc(ns, 1);
	p->extra = xcalloc(fn->nblk ? fn->nblk : 1, sizeof(*p->extra));
	p->mark = xcalloc(ns, 1);
	for (size_t i = 0; i < fn->nslots; i++)
		p->sticky[i] = (char)sticky_slot(&fn->slots[i]);
	for (size_t k = 0; k < 2 * npairs; k++)
		p->sticky[pairs[k]] = 1;
}

void prune_free(struct pl_prune *p)
{
	free(p->sticky);
	free(p->mark);
	free(p->marked);
	free(p->sites);
	free(p->keep);
	for (size_t b = 0; b < p->fn->nblk; b++)
		free(p->extra[b].v);
	free(p->extra);
}

static int mark(struct pl_prune *p, int slot)
{
	if (slot < 0 || (size_t)slot >= p->fn->nslots || p->mark[slot] || p->sticky[slot])
		return 0;
	p->mark[slot] = 1;
	VEC_PUSH(p->marked, p->nmarked, p->marked_cap, slot);
	return 1;
}

static void mark_list(struct pl_prune *p, const struct pl_live *l, int b)
{
	if (!l)
		return;
	for (size_t k = l->start[b]; k < l->start[b + 1]; k++)
		mark(p, l->slot[k]);
}

static int owed(const struct pl_val *v)
{
	return v->kind == VK_OBJ && ((v->pflags & PF_HELD) || v->owed_caller);
}

static int kept(const struct pl_prune *p, const struct pl_entry *e)
{
	return p->mark[e->slot] || p->sticky[e->slot] || owed(&e->v);
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

static int has_site(const struct pl_prune *p, int site)
{
	return p->nsites && bsearch(&site, p->sites, p->nsites, sizeof(int), cmp_int);
}

/* One state: mark what its kept values tie to; 1 if anything was new. */
static int close_state(struct pl_prune *p, const struct pl_state *st)
{
	p->nsites = 0;
	int grew = 0;
	for (size_t k = 0; k < st->n; k++) {
		const struct pl_entry *e = &st->e[k];
		if (!kept(p, e))
			continue;
		if (e->v.site >= 0 && (e->v.kind == VK_OBJ || e->v.kind == VK_CALLER || e->v.kind == VK_FACT))
			VEC_PUSH(p->sites, p->nsites, p->sites_cap, e->v.site);
		if (e->v.kind == VK_FACT)
			grew |= mark(p, e->v.slot); /* tested later, the fact reads its variable */
		grew |= mark(p, e->slot);       /* owed: kept on every path */
	}
	if (p->nsites) /* p->sites is NULL before the first push */
		qsort(p->sites, p->nsites, sizeof(int), cmp_int);
	for (size_t k = 0; k < st->n; k++) {
		const struct pl_entry *e = &st->e[k];
		if (kept(p, e) || e->v.site < 0 || (e->v.kind != VK_OBJ && e->v.kind != VK_CALLER))
			continue;
		if (has_site(p, e->v.site))
			grew |= mark(p, e->slot);
	}
	return grew;
}

void prune_block(struct pl_prune *p, int b, struct pl_state *const *st, size_t n)
{
	if (!p->reads)
		return; /* liveness unknown: keep everything */
	mark_list(p, p->reads, b);
	mark_list(p, p->keys, b);
	struct pl_slots *x = &p->extra[b];
	for (size_t k = 0; k < x->n; k++)
		mark(p, x->v[k]);
	for (int grew = 1; grew;) {
		grew = 0;
		for (size_t i = 0; i < n; i++)
			grew |= close_state(p, st[i]);
	}
	for (size_t i = 0; i < n; i++) {
		if (st[i]->n > p->keep_cap) {
			p->keep_cap = st[i]->n;
			p->keep = xrealloc(p->keep, p->keep_cap);
		}
		for (size_t k = 0; k < st[i]->n; k++)
			p->keep[k] = (char)kept(p, &st[i]->e[k]);
		state_compact(st[i], p->keep);
	}
	/* what was kept beyond liveness stays kept at this block */
	x->n = 0;
	for (size_t k = 0; k < p->nmarked; k++) {
		int s = p->marked[k];
		if (!live_has(p->reads, b, s) && !(p->keys && live_has(p->keys, b, s)))
			VEC_PUSH(x->v, x->n, x->cap, s);
		p->mark[s] = 0;
	}
	p->nmarked = 0;
}
