/* Liveness, per block, as sorted slot lists.  Two questions: which integer
 * variables are still tested ahead (only their constants are worth keeping
 * paths apart for: a mode tested at the top of a function does not split
 * the rest of it), and which slots anything ahead may read (the engine
 * keeps only those values, and what the checks see at a return). */
#include "cfg.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

/* Per-block slot lists being built: a flat array with offsets, deduplicated
 * through a mark per slot. */
struct lists {
	int *v;
	size_t n, cap;
	size_t *start; /* nblk + 1 */
	char *mark;    /* per slot */
	size_t open;   /* start of the block being built */
};

static void lists_init(struct lists *l, size_t nblk, size_t nslots)
{
	memset(l, 0, sizeof(*l));
	l->start = xcalloc(nblk + 1, sizeof(size_t));
	l->mark = xcalloc(nslots ? nslots : 1, 1);
}

static void lists_add(void *ctx, int slot)
{
	struct lists *l = ctx;
	if (slot < 0 || l->mark[slot])
		return;
	l->mark[slot] = 1;
	VEC_PUSH(l->v, l->n, l->cap, slot);
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

/* Close block b's list: sorted, marks cleared. */
static void lists_close(struct lists *l, size_t b)
{
	if (l->n > l->open) /* l->v is NULL before the first push: qsort(NULL, 0) is undefined */
		qsort(l->v + l->open, l->n - l->open, sizeof(int), cmp_int);
	for (size_t i = l->open; i < l->n; i++)
		l->mark[l->v[i]] = 0;
	l->start[b] = l->open;
	l->start[b + 1] = l->n;
	l->open = l->n;
}

static void lists_free(struct lists *l)
{
	free(l->v);
	free(l->start);
	free(l->mark);
}

/* a ∪ b of sorted lists into out (room for na + nb); returns its length. */
static size_t merge(const int *a, size_t na, const int *b, size_t nb, int *out)
{
	size_t i = 0, j = 0, n = 0;
	while (i < na || j < nb) {
		if (j >= nb || (i < na && a[i] < b[j]))
			out[n++] = a[i++];
		else if (i >= na || b[j] < a[i])
			out[n++] = b[j++];
		else {
			out[n++] = a[i++];
			j++;
		}
	}
	return n;
}

struct set {
	int *v;
	size_t n, cap;
};

static void reserve(int **v, size_t *cap, size_t n)
{
	if (n > *cap) {
		*cap = n > 2 * *cap ? n : 2 * *cap;
		*v = xrealloc(*v, *cap * sizeof(int));
	}
}

/* live_in = gen ∪ (live_out − kill), to a fixpoint over a worklist
 * (backwards: a block's change revisits its predecessors). */
static int solve(const struct pl_fn *fn, const struct lists *gen, const struct lists *kill, size_t max_entries,
		 struct pl_live *out)
{
	size_t nb = fn->nblk;
	struct set *live = xcalloc(nb ? nb : 1, sizeof(*live));
	size_t *npred = xcalloc(nb + 1, sizeof(size_t));
	for (size_t b = 0; b < nb; b++)
		for (size_t j = 0; j < fn->blk[b].nsucc; j++)
			npred[fn->blk[b].succ[j] + 1]++;
	for (size_t b = 0; b < nb; b++)
		npred[b + 1] += npred[b];
	int *pred = xmalloc((npred[nb] ? npred[nb] : 1) * sizeof(int));
	size_t *fill = xcalloc(nb ? nb : 1, sizeof(size_t));
	for (size_t b = 0; b < nb; b++)
		for (size_t j = 0; j < fn->blk[b].nsucc; j++) {
			int s = fn->blk[b].succ[j];
			pred[npred[s] + fill[s]++] = (int)b;
		}
	free(fill);
	int *stack = xmalloc((nb ? nb : 1) * sizeof(int));
	char *queued = xmalloc(nb ? nb : 1);
	size_t sp = 0;
	for (size_t b = 0; b < nb; b++) { /* the last block is visited first */
		stack[sp++] = (int)b;
		queued[b] = 1;
	}
	int *acc = NULL, *tmp = NULL;
	size_t acc_cap = 0, tmp_cap = 0, total = 0;
	int over = 0;
	while (sp && !over) {
		int b = stack[--sp];
		queued[b] = 0;
		const struct pl_block *bl = &fn->blk[b];
		size_t n = 0;
		for (size_t j = 0; j < bl->nsucc; j++) {
			const struct set *s = &live[bl->succ[j]];
			reserve(&tmp, &tmp_cap, n + s->n);
			n = merge(acc, n, s->v, s->n, tmp);
			int *sw = acc;
			size_t swc = acc_cap;
			acc = tmp;
			acc_cap = tmp_cap;
			tmp = sw;
			tmp_cap = swc;
		}
		/* minus kill */
		const int *k = kill->v + kill->start[b];
		size_t nk = kill->start[b + 1] - kill->start[b], m = 0, ki = 0;
		for (size_t i = 0; i < n; i++) {
			while (ki < nk && k[ki] < acc[i])
				ki++;
			if (ki >= nk || k[ki] != acc[i])
				acc[m++] = acc[i];
		}
		/* plus gen */
		const int *g = gen->v + gen->start[b];
		size_t ng = gen->start[b + 1] - gen->start[b];
		reserve(&tmp, &tmp_cap, m + ng + 1);
		n = merge(acc, m, g, ng, tmp);
		struct set *cur = &live[b];
		if (n == cur->n && (!n || !memcmp(cur->v, tmp, n * sizeof(int))))
			continue;
		total += n - cur->n; /* sets only grow */
		if (max_entries && total > max_entries) {
			over = 1;
			break;
		}
		reserve(&cur->v, &cur->cap, n);
		memcpy(cur->v, tmp, n * sizeof(int));
		cur->n = n;
		for (size_t p = npred[b]; p < npred[b + 1]; p++)
			if (!queued[pred[p]]) {
				queued[pred[p]] = 1;
				stack[sp++] = pred[p];
			}
	}
	free(acc);
	free(tmp);
	free(stack);
	free(queued);
	free(pred);
	free(npred);
	memset(out, 0, sizeof(*out));
	if (!over) {
		out->nblk = nb;
		out->start = xcalloc(nb + 1, sizeof(size_t));
		out->slot = xmalloc((total ? total : 1) * sizeof(int));
		for (size_t b = 0; b < nb; b++) {
			out->start[b + 1] = out->start[b] + live[b].n;
			if (live[b].n)
				memcpy(out->slot + out->start[b], live[b].v, live[b].n * sizeof(int));
		}
	}
	for (size_t b = 0; b < nb; b++)
		free(live[b].v);
	free(live);
	return over ? -1 : 0;
}

int live_has(const struct pl_live *l, int b, int slot)
{
	size_t lo = l->start[b], hi = l->start[b + 1];
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (l->slot[mid] < slot)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < l->start[b + 1] && l->slot[lo] == slot;
}

void live_free(struct pl_live *l)
{
	free(l->start);
	free(l->slot);
	memset(l, 0, sizeof(*l));
}

/* ---- tested ahead ---- */

static enum CXChildVisitResult collect_refs(CXCursor c, CXCursor parent, CXClientData data)
{
	(void)parent;
	void **cc = data;
	const struct pl_fn *fn = cc[0];
	if (clang_getCursorKind(c) == CXCursor_DeclRefExpr)
		lists_add(cc[1], cursor_map_get(&fn->vars, clang_getCursorReferenced(c)));
	return CXChildVisit_Recurse;
}

/* A temporary (likely(x), a call's result) stands for the variables of the
 * expression it was made from: look through the events that fill it. */
static void gen_of_cond(const struct pl_fn *fn, CXCursor cond, struct lists *gen)
{
	void *cc[2] = { (void *)fn, gen };
	if (clang_getCursorKind(cond) == CXCursor_DeclRefExpr)
		collect_refs(cond, cond, cc);
	clang_visitChildren(cond, collect_refs, cc);
}

/* Does a GUP call fill an array the caller passed?  Then an error code
 * returned from a variable decides a leak (page-ref-leak), so the
 * returned variable keeps paths apart like a tested one. */
static int gup_into_callers_array(const struct pl_fn *fn)
{
	for (size_t i = 0; i < fn->ncalls; i++) {
		const struct pl_call *c = &fn->calls[i];
		if (!c->rule || c->rule->gup_pages < 0 || c->rule->gup_pages >= c->nargs)
			continue;
		int es = elem_slot_of(fn, c->args[c->rule->gup_pages]);
		if (es >= 0 && fn->slots[es].elem_of_param)
			return 1;
	}
	return 0;
}

/* Block-wide gen and kill: a variable both tested and assigned in a block
 * is live at its start whatever the order. */
int key_liveness(const struct pl_fn *fn, size_t max_entries, struct pl_live *out)
{
	int returns_decide = gup_into_callers_array(fn);
	struct lists gen, kill;
	lists_init(&gen, fn->nblk, fn->nslots);
	lists_init(&kill, fn->nblk, fn->nslots);
	for (size_t b = 0; b < fn->nblk; b++) {
		const struct pl_block *bl = &fn->blk[b];
		for (size_t k = 0; k < bl->nev; k++) {
			const struct pl_event *e = &fn->ev[bl->ev[k]];
			if ((e->kind == EV_ASSIGN || e->kind == EV_UPDATE || e->kind == EV_RESET) && e->slot >= 0)
				lists_add(&kill, e->slot);
			if (e->kind == EV_RETURN && returns_decide && !clang_Cursor_isNull(e->src))
				gen_of_cond(fn, e->src, &gen);
			if (e->kind == EV_CALL) {
				/* a mode argument decides a helper's conditional release */
				const struct pl_call *c = &fn->calls[e->aux];
				if (c->rule && c->rule->release_if_arg >= 0 && c->rule->release_if_arg < c->nargs)
					gen_of_cond(fn, c->args[c->rule->release_if_arg], &gen);
			}
		}
		if (bl->is_branch && !clang_Cursor_isNull(bl->cond))
			gen_of_cond(fn, bl->cond, &gen);
		lists_close(&gen, b);
		lists_close(&kill, b);
	}
	int r = solve(fn, &gen, &kill, max_entries, out);
	lists_free(&gen);
	lists_free(&kill);
	return r;
}

/* ---- read ahead ---- */

struct read_ctx {
	struct lists *gen;
	const char *killed; /* written earlier in the block: a read sees that value */
};

static void add_read(void *ctx, int slot)
{
	struct read_ctx *r = ctx;
	if (slot >= 0 && !r->killed[slot])
		lists_add(r->gen, slot);
}

/* The slot an event overwrites whatever it held. */
static int event_writes(const struct pl_fn *fn, const struct pl_event *e)
{
	switch (e->kind) {
	case EV_ASSIGN:
	case EV_COPY:
	case EV_RESET:
		return e->slot;
	case EV_CALL:
		return fn->calls[e->aux].result_slot;
	default:
		return -1;
	}
}

/* Events in order: gen is what is read before the block writes it. */
int read_liveness(const struct pl_fn *fn, size_t max_entries, struct pl_live *out)
{
	struct lists gen, kill;
	lists_init(&gen, fn->nblk, fn->nslots);
	lists_init(&kill, fn->nblk, fn->nslots);
	struct read_ctx rc = { &gen, kill.mark };
	for (size_t b = 0; b < fn->nblk; b++) {
		const struct pl_block *bl = &fn->blk[b];
		for (size_t k = 0; k < bl->nev; k++) {
			const struct pl_event *e = &fn->ev[bl->ev[k]];
			event_reads(fn, e, add_read, &rc);
			lists_add(&kill, event_writes(fn, e));
		}
		if (bl->is_branch && !clang_Cursor_isNull(bl->cond))
			cond_reads(fn, bl->cond, add_read, &rc);
		lists_close(&gen, b);
		lists_close(&kill, b);
	}
	int r = solve(fn, &gen, &kill, max_entries, out);
	lists_free(&gen);
	lists_free(&kill);
	return r;
}
