/* The fixpoint: in[b] = join of the (refined) out-states of b's predecessors. */
#include "analysis.h"
#include "checks.h"
#include "summary.h"

#include <stdlib.h>
#include <string.h>


#define MAX_ROUNDS 64

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
		if (sl->is_param || sl->elem_of_param)
			st->v[i] = pl_val_make(sl->is_pointer ? VK_CALLER : VK_NONE);
		else
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

static void state_join_into(const struct pl_analysis *an, struct pl_state *dst, const struct pl_state *src)
{
	if (!src->reachable)
		return;
	if (!dst->reachable) {
		memcpy(dst, src, an->state_size);
		return;
	}
	for (int s = 0; s < SCOPE__COUNT; s++)
		if (src->depth[s] < dst->depth[s])
			dst->depth[s] = src->depth[s];
	for (size_t i = 0; i < an->nslots; i++)
		dst->v[i] = pl_val_join(&dst->v[i], &src->v[i]);
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
	struct pl_state **out = xcalloc(nb, sizeof(*out));
	for (size_t i = 0; i < nb; i++) {
		an.in[i] = state_new(&an);
		out[i] = state_new(&an);
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
	struct pl_state *tmp = state_new(&an), *edge = state_new(&an);
	int changed = 1, rounds = 0;
	while (changed && rounds < MAX_ROUNDS) {
		changed = 0;
		rounds++;
		for (size_t oi = 0; oi < nord; oi++) {
			int b = order[oi];
			memset(tmp, 0, an.state_size);
			if (b == fn->entry)
				state_init_entry(fn, tmp, run && run->collect);
			for (size_t p = 0; p < npred[b]; p++) {
				int pb = pred[b][2 * p], which = pred[b][2 * p + 1];
				if (!out[pb]->reachable)
					continue;
				const struct pl_state *src = out[pb];
				if (fn->blk[pb].is_branch) {
					memcpy(edge, out[pb], an.state_size);
					refine(fn, edge, fn->blk[pb].cond, which == 0);
					src = edge;
				}
				state_join_into(&an, tmp, src);
			}
			if (rounds > 1 && memcmp(tmp, an.in[b], an.state_size) == 0)
				continue;
			memcpy(an.in[b], tmp, an.state_size);
			memcpy(out[b], tmp, an.state_size);
			if (out[b]->reachable)
				run_block(&an, b, out[b]);
			changed = 1;
		}
	}
	an.converged = !changed;

	/* reporting pass: each reachable block once, from its fixpoint state */
	if (run) {
		an.report = run;
		for (size_t oi = 0; oi < nord; oi++) {
			int b = order[oi];
			if (!an.in[b]->reachable)
				continue;
			memcpy(tmp, an.in[b], an.state_size);
			run_block(&an, b, tmp);
		}
	}

	for (size_t i = 0; i < nb; i++) {
		free(an.in[i]);
		free(out[i]);
		free(pred[i]);
	}
	free(an.in);
	free(out);
	free(pred);
	free(npred);
	free(order);
	free(tmp);
	free(edge);
	return an.converged ? 0 : 1;
}
