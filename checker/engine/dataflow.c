/* The fixpoint: in[b] = join of the (refined) out-states of b's predecessors. */
#include "analysis.h"
#include "observer.h"
#include "util.h"
#include "collect.h"
#include "contract.h"

#include <stdlib.h>
#include <string.h>


#define MAX_ROUNDS 64
#define PATHS_ROUNDS 24

static void state_init_entry(const struct pl_fn *fn, struct pl_state *st, int summary_mode)
{
	st->reachable = 1;
	/* caller contracts (contract.h): boot code runs before any hotplug;
	 * a function that asserts or is annotated to hold a lock runs under it */
	if (fn->contracts & CONTRACT_BOOT) {
		st->depth[SCOPE_MEMMAP] = 1;
		st->depth[SCOPE_HOTPLUG] = 1;
	}
	if (fn->contracts & CONTRACT_LOCK)
		st->depth[SCOPE_PTL] = 1;
	/* the contract inferred from every caller in the TU (caller_contracts.h) */
	for (int s = 0; s < SCOPE__COUNT; s++)
		if (fn->entry_depth[s] > st->depth[s])
			st->depth[s] = fn->entry_depth[s];
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

int analyse_function(const struct pl_fn *fn, struct pl_checks_run *run, size_t budget)
{
	size_t allocated = 0;
	struct pl_analysis an = { .fn = fn, .nslots = fn->nslots, .allocated = &allocated };
	an.state_size = sizeof(struct pl_state) + fn->nslots * sizeof(struct pl_val);
	size_t nb = fn->nblk;
	/* A state holds every slot, and temporaries are slots, so the states
	 * of a function grow with blocks × slots: quadratically in its size.
	 * One state per block (in and out) is the least the fixpoint needs;
	 * a function whose least would pass its share is not analysed. */
	size_t nord;
	int *order = rpo_order(fn, &nord); /* the reachable blocks: only they get states */
	if (budget && (an.state_size > budget / 2 / (nord + 3) ||
		       (nord + 3) * 2 * an.state_size + nb * (fn->nslots ? fn->nslots : 1) > budget)) {
		free(order);
		return PL_SKIPPED;
	}
	int coarse = 0;
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

	struct pl_set tmp;
	set_alloc(&an, &tmp);
	struct pl_state *edge = state_new(&an), *one = state_new(&an);
	int changed = 1, rounds = 0;
	an.max_paths = PL_MAX_PATHS;
	/* summaries read integer parameters' constants at every return */
	char *live = run && run->collect ? NULL : key_liveness(fn);
	an.live = live;
	while (changed && rounds < MAX_ROUNDS) {
		/* past the share with several path states per block: start over
		 * with one state per block, which the check above fits in it */
		if (budget && allocated > budget && an.max_paths > 1) {
			sets_reset(&an, out, nb);
			allocated = 0;
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
			if (budget && allocated > budget && an.max_paths > 1)
				break; /* restart one path at a time (above) */
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
	if (coarse)
		return (an.converged ? 0 : PL_NOT_CONVERGED) | PL_COARSE;
	return (an.converged ? 0 : PL_NOT_CONVERGED) | (an.max_paths < PL_MAX_PATHS ? PL_ONE_PATH : 0);
}
