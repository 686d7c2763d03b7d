/* Which slots an event's evaluation may read: the variables, page array
 * elements and temporaries named anywhere under the expressions the engine
 * evaluates for it.  An over-approximation: more reads only keep values
 * longer. */
#include "cfg.h"

struct reads_ctx {
	const struct pl_fn *fn;
	void (*add)(void *ctx, int slot);
	void *ctx;
};

static void node_reads(struct reads_ctx *r, CXCursor c)
{
	int t = cursor_map_get(&r->fn->temps, c);
	if (t >= 0)
		r->add(r->ctx, t);
	int f = cursor_map_get(&r->fn->fieldrefs, c); /* buf->page */
	if (f >= 0)
		r->add(r->ctx, f);
	if (clang_getCursorKind(c) != CXCursor_DeclRefExpr)
		return;
	CXCursor d = clang_getCursorReferenced(c);
	int s = cursor_map_get(&r->fn->vars, d);
	if (s >= 0)
		r->add(r->ctx, s);
	int es = cursor_map_get(&r->fn->elems, d); /* pages, pages[i], *pages */
	if (es >= 0)
		r->add(r->ctx, es);
}

static enum CXChildVisitResult visit_reads(CXCursor c, CXCursor parent, CXClientData data)
{
	(void)parent;
	node_reads(data, c);
	return CXChildVisit_Recurse;
}

static void tree_reads(struct reads_ctx *r, CXCursor e)
{
	if (clang_Cursor_isNull(e))
		return;
	node_reads(r, e);
	clang_visitChildren(e, visit_reads, r);
}

void cond_reads(const struct pl_fn *fn, CXCursor cond, void (*add)(void *ctx, int slot), void *ctx)
{
	struct reads_ctx r = { fn, add, ctx };
	tree_reads(&r, cond);
}

void event_reads(const struct pl_fn *fn, const struct pl_event *e, void (*add)(void *ctx, int slot), void *ctx)
{
	struct reads_ctx r = { fn, add, ctx };
	switch (e->kind) {
	case EV_CALL: {
		/* the arguments, not the call itself: its temporary is what it writes */
		const struct pl_call *c = &fn->calls[e->aux];
		for (int i = 0; i < c->nargs; i++)
			tree_reads(&r, c->args[i]);
		break;
	}
	case EV_UPDATE: /* x++, x |= FLAGS: its own value and the operand */
		if (e->slot >= 0)
			add(ctx, e->slot);
		tree_reads(&r, e->cur);
		break;
	case EV_ASSIGN:
	case EV_COPY:
	case EV_DEREF:
	case EV_RETURN:
		tree_reads(&r, e->src);
		break;
	case EV_RESET:
		break;
	}
}
