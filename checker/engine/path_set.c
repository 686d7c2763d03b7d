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

struct pl_state *state_new(const struct pl_analysis *an)
{
	if (an->allocated)
		*an->allocated += an->state_size;
	return xcalloc(1, an->state_size);
}

static int owned_object(const struct pl_val *v)
{
	return v->kind == VK_OBJ && v->level == L_HELD && (v->pflags & PF_HELD) && v->site >= 0 &&
	       v->site < PARAM_SITE(0);
}

static void rename_site(const struct pl_analysis *an, struct pl_state *st, int from, int to)
{
	for (size_t i = 0; i < an->nslots; i++)
		if ((st->v[i].kind == VK_OBJ || st->v[i].kind == VK_FACT) && st->v[i].site == from)
			st->v[i].site = to;
}

/* A variable that holds one reference on one path and another reference
 * on the other (folio = alloc_a() or alloc_b(), then return folio) holds
 * "the" reference after the join: both become one object, so returning or
 * releasing the variable accounts for whichever it was. */
static int needs_unify(const struct pl_analysis *an, const struct pl_state *dst, const struct pl_state *src)
{
	for (size_t i = 0; i < an->nslots; i++)
		if (owned_object(&dst->v[i]) && owned_object(&src->v[i]) && dst->v[i].site != src->v[i].site)
			return 1;
	return 0;
}

static void unify_held(const struct pl_analysis *an, struct pl_state *dst, struct pl_state *src)
{
	for (size_t i = 0; i < an->nslots; i++) {
		const struct pl_val *a = &dst->v[i], *b = &src->v[i];
		if (!owned_object(a) || !owned_object(b) || a->site == b->site)
			continue;
		int to = a->site > b->site ? a->site : b->site;
		rename_site(an, dst, a->site, to);
		rename_site(an, src, b->site, to);
	}
}

static void state_join_into(const struct pl_analysis *an, struct pl_state *dst, const struct pl_state *src_in)
{
	if (!src_in->reachable)
		return;
	if (!dst->reachable) {
		memcpy(dst, src_in, an->state_size);
		return;
	}
	struct pl_state *copy = NULL;
	const struct pl_state *src = src_in;
	if (needs_unify(an, dst, src_in)) {
		copy = xmalloc(an->state_size);
		memcpy(copy, src_in, an->state_size);
		unify_held(an, dst, copy);
		src = copy;
	}
	for (int s = 0; s < SCOPE__COUNT; s++)
		if (src->depth[s] < dst->depth[s])
			dst->depth[s] = src->depth[s];
	for (size_t i = 0; i < an->nslots; i++)
		dst->v[i] = pl_val_join(&dst->v[i], &src->v[i]);
	free(copy);
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
		d += same_page_value(&a->v[p], &a->v[q]) != same_page_value(&b->v[p], &b->v[q]);
	}
	return d;
}

/* How much is lost by joining two states: above all, differing page
 * values; then differing constants (which only prune paths). */
static size_t state_distance(const struct pl_analysis *an, const struct pl_state *a, const struct pl_state *b)
{
	size_t keys = 0, values = 0;
	for (size_t i = 0; i < an->nslots; i++) {
		const struct pl_val *x = &a->v[i], *y = &b->v[i];
		if (key_slot(an, i)) {
			if (!same_constant(x, y))
				keys++;
		} else if (!pl_val_equal(x, y)) {
			values++;
		}
	}
	if (memcmp(a->depth, b->depth, sizeof(a->depth)))
		values++;
	return values * 1024 + keys + pair_distance(an, a, b);
}

static int same_key(const struct pl_analysis *an, const struct pl_state *a, const struct pl_state *b)
{
	for (size_t i = 0; i < an->nslots; i++)
		if (key_slot(an, i) && !same_constant(&a->v[i], &b->v[i]))
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
	memcpy(set->s[set->n++], src, an->state_size);
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
	if (a->n != b->n)
		return 0;
	for (size_t k = 0; k < a->n; k++)
		if (memcmp(a->s[k], b->s[k], an->state_size))
			return 0;
	return 1;
}

void set_copy(const struct pl_analysis *an, struct pl_set *dst, const struct pl_set *src)
{
	dst->n = src->n;
	for (size_t k = 0; k < src->n; k++) {
		if (!dst->s[k])
			dst->s[k] = state_new(an);
		memcpy(dst->s[k], src->s[k], an->state_size);
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
	for (size_t k = 0; k <= PL_MAX_PATHS; k++)
		free(set->s[k]);
}

