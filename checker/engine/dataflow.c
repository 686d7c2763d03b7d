/* The fixpoint: in[b] = join of the (refined) out-states of b's predecessors. */
#include "analysis.h"
#include "observer.h"
#include "util.h"
#include "collect.h"
#include "contract.h"
#include "prune.h"

#include <stdlib.h>
#include <string.h>


#define MAX_ROUNDS 64
#define PATHS_ROUNDS 24

static void state_init_entry(const struct pl_fn *fn, struct pl_state *st, int summary_mode)
{
	st->reachable = 1;
	memset(st->depth, 0, sizeof(st->depth));
	st->n = 0;
	/* caller contracts (contract.h): boot code runs before any hotplug;
	 * a function that asserts or is annotated to hold a lock runs under it */
	if (fn->contracts & CONTRACT_BOOT) {
		st->depth[SCOPE_MEMMAP] = 1;
		st->depth[SCOPE_HOTPLUG] = 1;
	}
	if (fn->contracts & CONTRACT_LOCK)
		st->depth[SCOPE_PTL] = 1;
	/* the memory hotplug code itself, on the range it onlines or offlines */
	if (fn->contracts & CONTRACT_HOTPLUG_WRITE) {
		st->depth[SCOPE_MEMMAP] = 1;
		st->depth[SCOPE_HOTPLUG] = 1;
	}
	if (fn->contracts & CONTRACT_HOTPLUG)
		st->depth[SCOPE_HOTPLUG] = 1;
	if (fn->contracts & CONTRACT_RCU)
		st->depth[SCOPE_RCU] = 1;
	/* the contract inferred from every caller in the TU (caller_contracts.h) */
	for (int s = 0; s < SCOPE__COUNT; s++)
		if (fn->entry_depth[s] > st->depth[s])
			st->depth[s] = fn->entry_depth[s];
	/* slots in order, so each value is appended; locals start as VK_BOTTOM,
	 * which a state holds without an entry */
	for (size_t i = 0; i < fn->nslots; i++) {
		const struct pl_slot *sl = &fn->slots[i];
		struct pl_val v = pl_val_make(VK_BOTTOM);
		/* parameters are the caller's: pages are safe, integers are unknown pfns */
		if (sl->is_param || sl->elem_of_param) {
			v = pl_val_make(sl->is_pointer ? VK_CALLER : VK_NONE);
			if (sl->is_pointer && !sl->is_elem && sl->param_index >= 0)
				v.site = CALLER_SITE(sl->param_index);
			/* a pfn every caller checked (inferred caller contract) */
			if (!summary_mode && !sl->is_pointer && !sl->is_elem && sl->param_index >= 0 &&
			    sl->param_index < 8 && fn->entry_arg_level[sl->param_index]) {
				v = pl_val_obj(CALLER_SITE(sl->param_index), (enum pl_level)fn->entry_arg_level[sl->param_index],
					       -1);
				v.guard_ev = -1;
			}
		}
		/* a page field read through a pointer variable (buf->page) */
		if (sl->field_base >= 0)
			v = field_slot_default((int)i);
		/* summary mode: mark page parameters to see what the body does to them */
		if (summary_mode && sl->param_index >= 0 && sl->is_elem) {
			v = pl_val_obj(PARAM_ELEM_SITE(sl->param_index), L_HELD, -1);
			v.pflags = PF_ARRAY | PF_HELD;
			v.refs = 1;
		} else if (summary_mode && sl->param_index >= 0 && type_is_page_pointer(clang_getCursorType(sl->decl))) {
			/* the caller's reference: one more is an acquire, none left a release */
			v = pl_val_obj(PARAM_SITE(sl->param_index), L_HELD, -1);
			v.refs = 1;
			v.pflags = PF_HELD;
		}
		if (v.kind != VK_BOTTOM)
			state_set(st, (int)i, v);
	}
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

/* Drop every block's path states, to start the fixpoint again. */
static void sets_reset(struct pl_analysis *an, struct pl_set *out, size_t nb)
{
	for (size_t i = 0; i < nb; i++) {
		set_free(&an->in[i]);
		set_free(&out[i]);
		set_alloc(an, &an->in[i]);
		set_alloc(an, &out[i]);
	}
}


/* The states entering a block, before they are joined: the entry state,
 * then each predecessor's out-states refined by the edge taken. */
struct incoming {
	struct pl_state **s;
	size_t n, cap;
};

static struct pl_state *incoming_next(struct pl_analysis *an, struct incoming *inc)
{
	if (inc->n == inc->cap) {
		inc->cap = inc->cap ? 2 * inc->cap : 8;
		inc->s = xrealloc(inc->s, inc->cap * sizeof(*inc->s));
		for (size_t k = inc->n; k < inc->cap; k++)
			inc->s[k] = NULL;
	}
	if (!inc->s[inc->n])
		inc->s[inc->n] = state_new(an);
	return inc->s[inc->n];
}

static void gather_incoming(struct pl_analysis *an, struct incoming *inc, int b, const struct pl_set *out,
			    int *const *pred, const size_t *npred, int summary_mode)
{
	const struct pl_fn *fn = an->fn;
	inc->n = 0;
	if (b == fn->entry) {
		state_init_entry(fn, incoming_next(an, inc), summary_mode);
		inc->n++;
	}
	for (size_t p = 0; p < npred[b]; p++) {
		int pb = pred[b][2 * p], which = pred[b][2 * p + 1];
		for (size_t k = 0; k < out[pb].n; k++) {
			const struct pl_state *src = out[pb].s[k];
			if (!src->reachable)
				continue;
			struct pl_state *st = incoming_next(an, inc);
			state_copy(st, src);
			if (fn->blk[pb].is_branch)
				refine(fn, st, fn->blk[pb].cond, which == 0);
			if (st->reachable)
				inc->n++;
		}
	}
}

/* Liveness for the states: what is read ahead, and what is tested ahead
 * (path keys; summaries read every integer parameter's constant at the
 * returns, so they split on all).  Its lists count against the share. */
static int liveness(const struct pl_fn *fn, size_t budget, int summary_mode, struct pl_live *reads,
		    struct pl_live *keys, size_t *allocated)
{
	size_t max_entries = budget ? budget / sizeof(int) : 0;
	memset(keys, 0, sizeof(*keys));
	if (read_liveness(fn, max_entries, reads))
		return -1;
	*allocated += (fn->nblk + 1) * sizeof(size_t) + reads->start[fn->nblk] * sizeof(int);
	if (summary_mode)
		return 0;
	size_t left = budget > *allocated ? budget - *allocated : 1;
	if (key_liveness(fn, budget ? left / sizeof(int) : 0, keys)) {
		live_free(reads);
		return -1;
	}
	*allocated += (fn->nblk + 1) * sizeof(size_t) + keys->start[fn->nblk] * sizeof(int);
	return 0;
}

int analyse_function(const struct pl_fn *fn, struct pl_checks_run *run, size_t budget)
{
	size_t allocated = 0;
	struct pl_analysis an = { .fn = fn, .nslots = fn->nslots, .allocated = &allocated };
	size_t nb = fn->nblk, ns = fn->nslots ? fn->nslots : 1;
	int summary_mode = run && run->collect;
	/* States keep what is live (prune.c), so they grow with what a block
	 * can still read, not with the function.  Liveness past the share
	 * (each block reading most of a huge function) is not analysed. */
	struct pl_live reads, keys;
	if (liveness(fn, budget, summary_mode, &reads, &keys, &allocated))
		return PL_SKIPPED;
	size_t nord;
	int *order = rpo_order(fn, &nord); /* the reachable blocks: only they get states */
	an.in = xcalloc(nb ? nb : 1, sizeof(*an.in));
	/* loop counters (i++) are not split on: a loop's zero-trip path stays
	 * joined with the others, as element-wise release loops need */
	char *counter = xcalloc(ns, 1);
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
	struct pl_set *out = xcalloc(nb ? nb : 1, sizeof(*out));
	allocated += 2 * nb * sizeof(struct pl_set);
	for (size_t i = 0; i < nb; i++) {
		set_alloc(&an, &an.in[i]);
		set_alloc(&an, &out[i]);
	}
	/* predecessors, with which successor slot (for branch refinement) */
	size_t *npred = xcalloc(nb ? nb : 1, sizeof(size_t));
	for (size_t b = 0; b < nb; b++)
		for (size_t j = 0; j < fn->blk[b].nsucc; j++)
			npred[fn->blk[b].succ[j]]++;
	int **pred = xcalloc(nb ? nb : 1, sizeof(int *));
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
	struct pl_prune pr;
	prune_init(&pr, fn, &reads, summary_mode ? NULL : &keys, an.pairs, an.npairs);
	char *key_row = summary_mode ? NULL : xcalloc(ns, 1);

	struct pl_set tmp;
	set_alloc(&an, &tmp);
	struct incoming inc = { 0 };
	struct pl_state *one = state_new(&an);
	int changed = 1, rounds = 0, coarse = 0, skipped = 0;
	an.max_paths = PL_MAX_PATHS;
	while (changed && rounds < MAX_ROUNDS) {
		/* past the share: start over with one state per block; past it
		 * again, give up on the function (counted, not fatal) */
		if (budget && allocated > budget) {
			if (coarse) {
				skipped = 1;
				break;
			}
			sets_reset(&an, out, nb);
			set_free(&tmp);
			set_alloc(&an, &tmp);
			rounds = 0;
			coarse = 1;
		}
		changed = 0;
		rounds++;
		/* joining the two closest states of a full set is not monotone: a
		 * function still changing after many rounds falls back to one
		 * state per block, where the join is, so the fixpoint is reached */
		if (rounds == PATHS_ROUNDS || coarse)
			an.max_paths = 1;
		for (size_t oi = 0; oi < nord; oi++) {
			int b = order[oi];
			gather_incoming(&an, &inc, b, out, pred, npred, summary_mode);
			prune_block(&pr, b, inc.s, inc.n);
			if (key_row)
				for (size_t k = keys.start[b]; k < keys.start[b + 1]; k++)
					key_row[keys.slot[k]] = 1;
			an.cur_live = key_row;
			tmp.n = 0;
			for (size_t k = 0; k < inc.n; k++)
				set_add(&an, &tmp, inc.s[k]);
			an.cur_live = NULL;
			if (key_row)
				for (size_t k = keys.start[b]; k < keys.start[b + 1]; k++)
					key_row[keys.slot[k]] = 0;
			if (rounds > 1 && set_equal(&an, &tmp, &an.in[b]))
				continue;
			set_copy(&an, &an.in[b], &tmp);
			set_copy(&an, &out[b], &tmp);
			for (size_t k = 0; k < out[b].n; k++)
				run_block(&an, b, out[b].s[k]);
			changed = 1;
			if (budget && allocated > budget)
				break; /* restart one path at a time, or stop (above) */
		}
	}
	an.converged = !changed;

	/* reporting pass: each reachable block once per path state, from the fixpoint */
	if (run && !skipped) {
		an.report = run;
		for (size_t oi = 0; oi < nord; oi++) {
			int b = order[oi];
			for (size_t k = 0; k < an.in[b].n; k++) {
				state_copy(one, an.in[b].s[k]);
				run_block(&an, b, one);
			}
		}
	}

	for (size_t i = 0; i < nb; i++) {
		set_free(&an.in[i]);
		set_free(&out[i]);
		free(pred[i]);
	}
	for (size_t k = 0; k < inc.cap; k++)
		state_free(inc.s[k]);
	free(inc.s);
	prune_free(&pr);
	free(key_row);
	live_free(&reads);
	live_free(&keys);
	free(an.in);
	free(counter);
	free(an.pairs);
	free(out);
	free(pred);
	free(npred);
	free(order);
	set_free(&tmp);
	state_free(one);
	if (skipped)
		return PL_SKIPPED;
	if (coarse)
		return (an.converged ? 0 : PL_NOT_CONVERGED) | PL_COARSE;
	return (an.converged ? 0 : PL_NOT_CONVERGED) | (an.max_paths < PL_MAX_PATHS ? PL_ONE_PATH : 0);
}
