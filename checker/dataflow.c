/* The fixpoint: in[b] = join of the (refined) out-states of b's predecessors. */
#include "analysis.h"
#include "checks.h"
#include "summary.h"

#include <stdlib.h>
#include <string.h>


#define MAX_ROUNDS 64
#define PATHS_ROUNDS 24

static struct pl_state *state_new(const struct pl_analysis *an)
{
	return xcalloc(1, an->state_size);
}

static void state_init_entry(const struct pl_fn *fn, struct pl_state *st, int summary_mode)
{
	st->reachable = 1;
	for (size_t i = 0; i < fn->nslots; i++) {
		const struct pl_slot *sl = &fn->slots[i];
		/* parameters are the caller's: pages are safe, integers are unknown pfns */
		if (sl->is_param || sl->elem_of_param) {
			st->v[i] = pl_val_make(sl->is_pointer ? VK_CALLER : VK_NONE);
			if (sl->is_pointer && !sl->is_elem && sl->param_index >= 0)
				st->v[i].site = CALLER_SITE(sl->param_index);
		} else
			st->v[i] = pl_val_make(VK_BOTTOM);
		/* summary mode: mark page parameters to see what the body does to them */
		if (summary_mode && sl->param_index >= 0 && sl->is_elem) {
			st->v[i] = pl_val_obj(PARAM_ELEM_SITE(sl->param_index), L_HELD, -1);
			st->v[i].pflags = PF_ARRAY | PF_HELD;
			st->v[i].refs = 1;
		} else if (summary_mode && sl->param_index >= 0 && type_is_page_pointer(clang_getCursorType(sl->decl))) {
			/* the caller's reference: one more is an acquire, none left a release */
			st->v[i] = pl_val_obj(PARAM_SITE(sl->param_index), L_HELD, -1);
			st->v[i].refs = 1;
			st->v[i].pflags = PF_HELD;
		}
	}
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
	struct pl_state *src = xmalloc(an->state_size);
	memcpy(src, src_in, an->state_size);
	unify_held(an, dst, src);
	for (int s = 0; s < SCOPE__COUNT; s++)
		if (src->depth[s] < dst->depth[s])
			dst->depth[s] = src->depth[s];
	for (size_t i = 0; i < an->nslots; i++)
		dst->v[i] = pl_val_join(&dst->v[i], &src->v[i]);
	free(src);
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
			if (x->cst != y->cst || (x->cst && x->cval != y->cval))
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
		if (key_slot(an, i) && (a->v[i].cst != b->v[i].cst || (a->v[i].cst && a->v[i].cval != b->v[i].cval)))
			return 0;
	return pair_distance(an, a, b) == 0;
}

/* Add a path's state to a block's set: joined with the state that knows the
 * same constants, else a new member; when the set is full, the two members
 * that differ least (the same page states if possible) are joined. */
static void set_add(const struct pl_analysis *an, struct pl_set *set, const struct pl_state *src)
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

static int set_equal(const struct pl_analysis *an, const struct pl_set *a, const struct pl_set *b)
{
	if (a->n != b->n)
		return 0;
	for (size_t k = 0; k < a->n; k++)
		if (memcmp(a->s[k], b->s[k], an->state_size))
			return 0;
	return 1;
}

static void set_copy(const struct pl_analysis *an, struct pl_set *dst, const struct pl_set *src)
{
	dst->n = src->n;
	for (size_t k = 0; k < src->n; k++) {
		if (!dst->s[k])
			dst->s[k] = state_new(an);
		memcpy(dst->s[k], src->s[k], an->state_size);
	}
}

/* Members are allocated when first needed: most blocks see one path. */
static void set_alloc(const struct pl_analysis *an, struct pl_set *set)
{
	(void)an;
	set->n = 0;
	for (size_t k = 0; k <= PL_MAX_PATHS; k++)
		set->s[k] = NULL;
}

static void set_free(struct pl_set *set)
{
	for (size_t k = 0; k <= PL_MAX_PATHS; k++)
		free(set->s[k]);
}

static void run_block(struct pl_analysis *an, int b, struct pl_state *st)
{
	const struct pl_block *bl = &an->fn->blk[b];
	for (size_t i = 0; i < bl->nev; i++)
		transfer_event(an, st, bl->ev[i]);
}

/* Reverse post-order of reachable blocks, iteratively. */
static int *rpo_order(const struct pl_fn *fn, size_t *n_out)
{
	size_t n = fn->nblk;
	int *order = xmalloc(n * sizeof(int));
	char *seen = xcalloc(n, 1);
	int *stack = xmalloc(n * sizeof(int));
	size_t *next = xcalloc(n, sizeof(size_t));
	size_t sp = 0, k = n;
	stack[sp++] = fn->entry;
	seen[fn->entry] = 1;
	while (sp) {
		int b = stack[sp - 1];
		if (next[b] < fn->blk[b].nsucc) {
			int s = fn->blk[b].succ[next[b]++];
			if (!seen[s]) {
				seen[s] = 1;
				stack[sp++] = s;
			}
		} else {
			order[--k] = b;
			sp--;
		}
	}
	memmove(order, order + k, (n - k) * sizeof(int));
	*n_out = n - k;
	free(seen);
	free(stack);
	free(next);
	return order;
}

int analyse_function(const struct pl_fn *fn, struct pl_checks_run *run)
{
	struct pl_analysis an = { .fn = fn, .nslots = fn->nslots };
	an.state_size = sizeof(struct pl_state) + fn->nslots * sizeof(struct pl_val);
	size_t nb = fn->nblk;
	an.in = xcalloc(nb, sizeof(*an.in));
	/* loop counters (i++) are not split on: a loop's zero-trip path stays
	 * joined with the others, as element-wise release loops need */
	char *counter = xcalloc(fn->nslots ? fn->nslots : 1, 1);
	for (size_t i = 0; i < fn->nev; i++)
		if (fn->ev[i].kind == EV_UPDATE && fn->ev[i].slot >= 0)
			counter[fn->ev[i].slot] = 1;
	an.counter = counter;
	for (size_t b = 0; b < nb; b++) {
		int p, q, ne;
		if (fn->blk[b].is_branch && pointer_pair(fn, fn->blk[b].cond, &p, &q, &ne)) {
			an.pairs = xrealloc(an.pairs, (an.npairs + 1) * 2 * sizeof(int));
			an.pairs[2 * an.npairs] = p;
			an.pairs[2 * an.npairs + 1] = q;
			an.npairs++;
		}
	}
	struct pl_set *out = xcalloc(nb, sizeof(*out));
	for (size_t i = 0; i < nb; i++) {
		set_alloc(&an, &an.in[i]);
		set_alloc(&an, &out[i]);
	}
	/* predecessors, with which successor slot (for branch refinement) */
	size_t *npred = xcalloc(nb, sizeof(size_t));
	for (size_t b = 0; b < nb; b++)
		for (size_t j = 0; j < fn->blk[b].nsucc; j++)
			npred[fn->blk[b].succ[j]]++;
	int **pred = xcalloc(nb, sizeof(int *));
	for (size_t b = 0; b < nb; b++) {
		pred[b] = xmalloc((npred[b] ? npred[b] : 1) * 2 * sizeof(int));
		npred[b] = 0;
	}
	for (size_t b = 0; b < nb; b++)
		for (size_t j = 0; j < fn->blk[b].nsucc; j++) {
			int s = fn->blk[b].succ[j];
			pred[s][2 * npred[s]] = (int)b;
			pred[s][2 * npred[s] + 1] = (int)j;
			npred[s]++;
		}

	size_t nord;
	int *order = rpo_order(fn, &nord);
	struct pl_set tmp;
	set_alloc(&an, &tmp);
	struct pl_state *edge = state_new(&an), *one = state_new(&an);
	int changed = 1, rounds = 0;
	an.max_paths = PL_MAX_PATHS;
	/* summaries read integer parameters' constants at every return */
	char *live = run && run->collect ? NULL : key_liveness(fn);
	an.live = live;
	while (changed && rounds < MAX_ROUNDS) {
		changed = 0;
		rounds++;
		/* joining the two closest states of a full set is not monotone: a
		 * function still changing after many rounds falls back to one
		 * state per block, where the join is, so the fixpoint is reached */
		if (rounds == PATHS_ROUNDS)
			an.max_paths = 1;
		for (size_t oi = 0; oi < nord; oi++) {
			int b = order[oi];
			tmp.n = 0;
			an.cur_live = an.live ? an.live + (size_t)b * (fn->nslots ? fn->nslots : 1) : NULL;
			if (b == fn->entry) {
				memset(one, 0, an.state_size);
				state_init_entry(fn, one, run && run->collect);
				set_add(&an, &tmp, one);
			}
			for (size_t p = 0; p < npred[b]; p++) {
				int pb = pred[b][2 * p], which = pred[b][2 * p + 1];
				for (size_t k = 0; k < out[pb].n; k++) {
					const struct pl_state *src = out[pb].s[k];
					if (!src->reachable)
						continue;
					if (fn->blk[pb].is_branch) {
						memcpy(edge, src, an.state_size);
						refine(fn, edge, fn->blk[pb].cond, which == 0);
						src = edge;
					}
					set_add(&an, &tmp, src);
				}
			}
			if (rounds > 1 && set_equal(&an, &tmp, &an.in[b]))
				continue;
			set_copy(&an, &an.in[b], &tmp);
			set_copy(&an, &out[b], &tmp);
			for (size_t k = 0; k < out[b].n; k++)
				run_block(&an, b, out[b].s[k]);
			changed = 1;
		}
	}
	an.converged = !changed;

	/* reporting pass: each reachable block once per path state, from the fixpoint */
	if (run) {
		an.report = run;
		for (size_t oi = 0; oi < nord; oi++) {
			int b = order[oi];
			for (size_t k = 0; k < an.in[b].n; k++) {
				memcpy(one, an.in[b].s[k], an.state_size);
				run_block(&an, b, one);
			}
		}
	}

	for (size_t i = 0; i < nb; i++) {
		set_free(&an.in[i]);
		set_free(&out[i]);
		free(pred[i]);
	}
	free(an.in);
	free(counter);
	free(live);
	free(an.pairs);
	free(out);
	free(pred);
	free(npred);
	free(order);
	set_free(&tmp);
	free(edge);
	free(one);
	return an.converged ? 0 : 1;
}
