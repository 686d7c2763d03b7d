/* Path states: the small set of states a block keeps, joined only when
 * they know the same constants of the integer variables a branch ahead
 * tests and agree on which compared pointers are one object. */
#include "analysis.h"
#include "collect.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

static int same_constant(const struct pl_val *x, const struct pl_val *y)
{
	return x->cst == y->cst && (!x->cst || x->cval == y->cval);
}

static int owned_object(const struct pl_val *v)
{
	return v->kind == VK_OBJ && v->level == L_HELD && (v->pflags & PF_HELD) && v->site >= 0 &&
	       v->site < PARAM_SITE(0);
}

static void rename_site(struct pl_state *st, int from, int to)
{
	for (size_t k = 0; k < st->n; k++) {
		struct pl_val *v = &st->e[k].v;
		if ((v->kind == VK_OBJ || v->kind == VK_FACT) && v->site == from)
			v->site = to;
	}
}

/* A variable that holds one reference on one path and another reference
 * on the other (folio = alloc_a() or alloc_b(), then return folio) holds
 * "the" reference after the join: both become one object, so returning or
 * releasing the variable accounts for whichever it was. */
static int needs_unify(const struct pl_state *dst, const struct pl_state *src)
{
	struct state_pair_walk w = { dst, src, 0, 0 };
	int slot;
	struct pl_val a, b;
	while (state_pair_next(&w, &slot, &a, &b))
		if (owned_object(&a) && owned_object(&b) && a.site != b.site)
			return 1;
	return 0;
}

static void unify_held(struct pl_state *dst, struct pl_state *src)
{
	/* slot by slot in order, reading the values as earlier renames left them */
	size_t i = 0, j = 0;
	while (i < dst->n && j < src->n) {
		if (dst->e[i].slot < src->e[j].slot) {
			i++;
			continue;
		}
		if (src->e[j].slot < dst->e[i].slot) {
			j++;
			continue;
		}
		const struct pl_val *a = &dst->e[i].v, *b = &src->e[j].v;
		if (owned_object(a) && owned_object(b) && a->site != b->site) {
			int from_a = a->site, from_b = b->site;
			int to = from_a > from_b ? from_a : from_b;
			rename_site(dst, from_a, to);
			rename_site(src, from_b, to);
		}
		i++;
		j++;
	}
}

static void state_join_into(const struct pl_analysis *an, struct pl_state *dst, const struct pl_state *src_in)
{
	if (!src_in->reachable)
		return;
	if (!dst->reachable) {
		state_copy(dst, src_in);
		return;
	}
	struct pl_state *copy = NULL;
	const struct pl_state *src = src_in;
	if (needs_unify(dst, src_in)) {
		copy = state_new(an);
		state_copy(copy, src_in);
		unify_held(dst, copy);
		src = copy;
	}
	for (int s = 0; s < SCOPE__COUNT; s++)
		if (src->depth[s] < dst->depth[s])
			dst->depth[s] = src->depth[s];
	/* a slot one side does not keep is VK_BOTTOM there, as in a dense state */
	struct pl_state *out = state_new(an);
	out->reachable = dst->reachable;
	memcpy(out->depth, dst->depth, sizeof(out->depth));
	struct state_pair_walk w = { dst, src, 0, 0 };
	int slot;
	struct pl_val a, b;
	while (state_pair_next(&w, &slot, &a, &b)) {
		struct pl_val j = pl_val_join(&a, &b);
		state_set(out, slot, j); /* appends: the walk is in slot order */
	}
	state_compact(out, NULL);
	state_copy(dst, out);
	state_free(out);
	state_free(copy);
}

/* Slots whose known constants split paths: plain integers (flags, modes,
 * error codes), so "flag set where the put was skipped" stays related. */
static int key_slot(const struct pl_analysis *an, size_t i)
{
	const struct pl_slot *sl = &an->fn->slots[i];
	return sl->name && !sl->is_pointer && !sl->is_elem && !an->counter[i] && /* temporaries die young */
	       (!an->cur_live || an->cur_live[i]);
}

/* Pairs of compared pointers that are the same object in one state and
 * not in the other (dst = src on one path). */
static size_t pair_distance(const struct pl_analysis *an, const struct pl_state *a, const struct pl_state *b)
{
	size_t d = 0;
	for (size_t k = 0; k < an->npairs; k++) {
		int p = an->pairs[2 * k], q = an->pairs[2 * k + 1];
		struct pl_val ap = state_get(a, p), aq = state_get(a, q), bp = state_get(b, p), bq = state_get(b, q);
		d += same_page_value(&ap, &aq) != same_page_value(&bp, &bq);
	}
	return d;
}

/* How much is lost by joining two states: above all, differing page
 * values; then differing constants (which only prune paths). */
static size_t state_distance(const struct pl_analysis *an, const struct pl_state *a, const struct pl_state *b)
{
	size_t keys = 0, values = 0;
	struct state_pair_walk w = { a, b, 0, 0 };
	int i;
	struct pl_val x, y;
	while (state_pair_next(&w, &i, &x, &y)) {
		if (key_slot(an, (size_t)i)) {
			if (!same_constant(&x, &y))
				keys++;
		} else if (!pl_val_equal(&x, &y)) {
			values++;
		}
	}
	if (memcmp(a->depth, b->depth, sizeof(a->depth)))
		values++;
	return values * 1024 + keys + pair_distance(an, a, b);
}

static int same_key(const struct pl_analysis *an, const struct pl_state *a, const struct pl_state *b)
{
	struct state_pair_walk w = { a, b, 0, 0 };
	int i;
	struct pl_val x, y;
	while (state_pair_next(&w, &i, &x, &y))
		if (key_slot(an, (size_t)i) && !same_constant(&x, &y))
			return 0;
	return pair_distance(an, a, b) == 0;
}

/* Add a path's state to a block's set: joined with the state that knows the
 * same constants, else a new member; when the set is full, the two members
 * that differ least (the same page states if possible) are joined. */
void set_add(const struct pl_analysis *an, struct pl_set *set, const struct pl_state *src)
{
	if (!src->reachable)
		return;
	for (size_t k = 0; k < set->n; k++)
		if (same_key(an, set->s[k], src)) {
			state_join_into(an, set->s[k], src);
			return;
		}
	if (!set->s[set->n])
		set->s[set->n] = state_new(an);
	state_copy(set->s[set->n++], src);
	if (set->n <= an->max_paths)
		return;
	size_t bi = 0, bj = 1, best_d = (size_t)-1;
	for (size_t i = 0; i < set->n; i++)
		for (size_t j = i + 1; j < set->n; j++) {
			size_t d = state_distance(an, set->s[i], set->s[j]);
			if (d < best_d) {
				best_d = d;
				bi = i;
				bj = j;
			}
		}
	state_join_into(an, set->s[bi], set->s[bj]);
	struct pl_state *spare = set->s[bj];
	memmove(&set->s[bj], &set->s[bj + 1], (set->n - bj - 1) * sizeof(set->s[0]));
	set->s[--set->n] = spare; /* kept allocated for reuse */
}

int set_equal(const struct pl_analysis *an, const struct pl_set *a, const struct pl_set *b)
{
	(void)an;
	if (a->n != b->n)
		return 0;
	for (size_t k = 0; k < a->n; k++)
		if (!state_equal(a->s[k], b->s[k]))
			return 0;
	return 1;
}

void set_copy(const struct pl_analysis *an, struct pl_set *dst, const struct pl_set *src)
{
	dst->n = src->n;
	for (size_t k = 0; k < src->n; k++) {
		if (!dst->s[k])
			dst->s[k] = state_new(an);
		state_copy(dst->s[k], src->s[k]);
	}
}

/* Members are allocated when first needed: most blocks see one path. */
void set_alloc(const struct pl_analysis *an, struct pl_set *set)
{
	(void)an;
	set->n = 0;
	for (size_t k = 0; k <= PL_MAX_PATHS; k++)
		set->s[k] = NULL;
}

void set_free(struct pl_set *set)
{
	for (size_t k = 0; k <= PL_MAX_PATHS; k++) {
		state_free(set->s[k]);
		set->s[k] = NULL;
	}
}

