/* Which integer variables are still tested ahead: only their constants are
 * worth keeping paths apart for (a mode tested at the top of a function
 * and never again does not split the rest of it). */
#include "cfg.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

struct collect_ctx {
	const struct pl_fn *fn;
	char *set;
};

static enum CXChildVisitResult collect_refs(CXCursor c, CXCursor parent, CXClientData data)
{
	(void)parent;
	struct collect_ctx *cc = data;
	if (clang_getCursorKind(c) == CXCursor_DeclRefExpr) {
		int s = cursor_map_get(&cc->fn->vars, clang_getCursorReferenced(c));
		if (s >= 0)
			cc->set[s] = 1;
	}
	return CXChildVisit_Recurse;
}

/* A temporary (likely(x), a call's result) stands for the variables of the
 * expression it was made from: look through the events that fill it. */
static void gen_of_cond(const struct pl_fn *fn, CXCursor cond, char *gen)
{
	struct collect_ctx cc = { fn, gen };
	if (clang_getCursorKind(cond) == CXCursor_DeclRefExpr)
		collect_refs(cond, cond, &cc);
	clang_visitChildren(cond, collect_refs, &cc);
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

char *key_liveness(const struct pl_fn *fn)
{
	int returns_decide = gup_into_callers_array(fn);
	size_t nb = fn->nblk, ns = fn->nslots ? fn->nslots : 1;
	char *live = xcalloc(nb * ns, 1);
	char *gen = xcalloc(nb * ns, 1), *kill = xcalloc(nb * ns, 1);
	for (size_t b = 0; b < nb; b++) {
		const struct pl_block *bl = &fn->blk[b];
		for (size_t k = 0; k < bl->nev; k++) {
			const struct pl_event *e = &fn->ev[bl->ev[k]];
			if ((e->kind == EV_ASSIGN || e->kind == EV_UPDATE || e->kind == EV_RESET) && e->slot >= 0)
				kill[b * ns + (size_t)e->slot] = 1;
			if (e->kind == EV_RETURN && returns_decide && !clang_Cursor_isNull(e->src))
				gen_of_cond(fn, e->src, gen + b * ns);
			if (e->kind == EV_CALL) {
				/* a mode argument decides a helper's conditional release */
				const struct pl_call *c = &fn->calls[e->aux];
				if (c->rule && c->rule->release_if_arg >= 0 && c->rule->release_if_arg < c->nargs)
					gen_of_cond(fn, c->args[c->rule->release_if_arg], gen + b * ns);
			}
		}
		if (bl->is_branch && !clang_Cursor_isNull(bl->cond))
			gen_of_cond(fn, bl->cond, gen + b * ns);
	}
	/* live_in = (gen ∪ live_out) − kill, to a fixpoint (backwards) */
	char *out = xmalloc(ns);
	for (int changed = 1; changed;) {
		changed = 0;
		for (size_t b = nb; b-- > 0;) {
			const struct pl_block *bl = &fn->blk[b];
			memset(out, 0, ns);
			for (size_t j = 0; j < bl->nsucc; j++)
				for (size_t i = 0; i < ns; i++)
					out[i] |= live[(size_t)bl->succ[j] * ns + i];
			for (size_t i = 0; i < ns; i++) {
				char v = (char)((gen[b * ns + i] || out[i]) && !(kill[b * ns + i] && !gen[b * ns + i]));
				if (v && !live[b * ns + i]) {
					live[b * ns + i] = 1;
					changed = 1;
				}
			}
		}
	}
	free(out);
	free(gen);
	free(kill);
	return live;
}
