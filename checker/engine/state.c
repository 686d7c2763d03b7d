/* Sparse states: the (slot, value) pairs a state keeps, sorted by slot.  A
 * slot without an entry holds VK_BOTTOM, so a state costs what it keeps,
 * and joins and copies cost the entries of the states involved. */
#include "analysis.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

static void account(struct pl_state *st, size_t old_cap, size_t new_cap)
{
	if (!st->allocated)
		return;
	*st->allocated += (new_cap - old_cap) * sizeof(struct pl_entry);
}

struct pl_state *state_new(const struct pl_analysis *an)
{
	struct pl_state *st = xcalloc(1, sizeof(*st));
	st->allocated = an->allocated;
	if (st->allocated)
		*st->allocated += sizeof(*st);
	return st;
}

void state_free(struct pl_state *st)
{
	if (!st)
		return;
	if (st->allocated)
		*st->allocated -= sizeof(*st) + st->cap * sizeof(struct pl_entry);
	free(st->e);
	free(st);
}

static void reserve(struct pl_state *st, size_t n)
{
	if (n <= st->cap)
		return;
	size_t cap = st->cap ? st->cap : 4;
	while (cap < n)
		cap *= 2;
	st->e = xrealloc(st->e, cap * sizeof(*st->e));
	account(st, st->cap, cap);
	st->cap = cap;
}

/* Index of the first entry whose slot is >= slot. */
static size_t lower_bound(const struct pl_state *st, int slot)
{
	size_t lo = 0, hi = st->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (st->e[mid].slot < slot)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

struct pl_val state_get(const struct pl_state *st, int slot)
{
	size_t k = lower_bound(st, slot);
	if (k < st->n && st->e[k].slot == slot)
		return st->e[k].v;
	return pl_val_make(VK_BOTTOM);
}

struct pl_val *state_at(struct pl_state *st, int slot)
{
	size_t k = lower_bound(st, slot);
	if (k < st->n && st->e[k].slot == slot)
		return &st->e[k].v;
	reserve(st, st->n + 1);
	memmove(&st->e[k + 1], &st->e[k], (st->n - k) * sizeof(*st->e));
	st->n++;
	st->e[k].slot = slot;
	st->e[k].v = pl_val_make(VK_BOTTOM);
	return &st->e[k].v;
}

void state_set(struct pl_state *st, int slot, struct pl_val v)
{
	*state_at(st, slot) = v;
}

void state_copy(struct pl_state *dst, const struct pl_state *src)
{
	if (dst == src)
		return;
	dst->reachable = src->reachable;
	memcpy(dst->depth, src->depth, sizeof(dst->depth));
	reserve(dst, src->n);
	dst->n = src->n;
	if (src->n)
		memcpy(dst->e, src->e, src->n * sizeof(*src->e));
}

static int is_bottom(const struct pl_val *v)
{
	struct pl_val b = pl_val_make(VK_BOTTOM);
	return !memcmp(v, &b, sizeof(b));
}

int state_pair_next(struct state_pair_walk *w, int *slot, struct pl_val *x, struct pl_val *y)
{
	const struct pl_state *a = w->a, *b = w->b;
	if (w->i >= a->n && w->j >= b->n)
		return 0;
	int sa = w->i < a->n ? a->e[w->i].slot : -1, sb = w->j < b->n ? b->e[w->j].slot : -1;
	if (sb < 0 || (sa >= 0 && sa < sb)) {
		*slot = sa;
		*x = a->e[w->i++].v;
		*y = pl_val_make(VK_BOTTOM);
	} else if (sa < 0 || sb < sa) {
		*slot = sb;
		*x = pl_val_make(VK_BOTTOM);
		*y = b->e[w->j++].v;
	} else {
		*slot = sa;
		*x = a->e[w->i++].v;
		*y = b->e[w->j++].v;
	}
	return 1;
}

int state_equal(const struct pl_state *a, const struct pl_state *b)
{
	if (a->reachable != b->reachable || memcmp(a->depth, b->depth, sizeof(a->depth)))
		return 0;
	struct state_pair_walk w = { a, b, 0, 0 };
	int slot;
	struct pl_val x, y;
	while (state_pair_next(&w, &slot, &x, &y))
		if (memcmp(&x, &y, sizeof(x)))
			return 0;
	return 1;
}

void state_compact(struct pl_state *st, const char *keep)
{
	size_t out = 0;
	for (size_t k = 0; k < st->n; k++)
		if ((!keep || keep[k]) && !is_bottom(&st->e[k].v))
			st->e[out++] = st->e[k];
	st->n = out;
}
