/* What each event does to the state, and what a branch condition tells. */
#include "analysis.h"
#include "checks.h"

#include <stdlib.h>
#include <string.h>

static struct pl_val slot_default(const struct pl_fn *fn, int slot)
{
	return pl_val_make(fn->slots[slot].is_pointer ? VK_CALLER : VK_NONE);
}

/* Level a guard gives, given where it is checked. */
static enum pl_level effective_level(enum pl_level l, const struct pl_state *st)
{
	if (l == L_RCU_ACTIVE)
		return st->depth[SCOPE_RCU] > 0 ? L_RCU_ACTIVE : L_ACTIVE_NORCU;
	if (l == L_ONLINE && st->depth[SCOPE_RCU] > 0)
		return L_RCU_ACTIVE; /* pfn_to_online_page() = pfn_active() && !ZONE_DEVICE */
	return l;
}

/* Raise every value of object `site` (and the variable `slot`) to level. */
static void raise_object(const struct pl_fn *fn, struct pl_state *st, int site, int slot, enum pl_level level,
			 int guard_ev)
{
	for (size_t i = 0; i < fn->nslots; i++) {
		struct pl_val *v = &st->v[i];
		if (v->kind != VK_OBJ)
			continue;
		if (!((site >= 0 && v->site == site) || (int)i == slot))
			continue;
		if (v->level < level) {
			v->level = (uint8_t)level;
			v->guard_ev = guard_ev;
			v->end_ev = -1;
		}
	}
}

static void apply_fact(const struct pl_fn *fn, struct pl_state *st, const struct pl_val *f, int truth)
{
	int holds = truth ^ f->neg;
	switch (f->fact) {
	case F_RAISE:
		if (holds)
			raise_object(fn, st, f->site, f->slot, (enum pl_level)f->level, f->guard_ev);
		break;
	case F_NONNULL:
		if (!holds && f->slot >= 0)
			st->v[f->slot] = pl_val_make(VK_BOTTOM);
		break;
	case F_ERRPTR:
		if (holds && f->slot >= 0)
			st->v[f->slot] = pl_val_make(VK_BOTTOM);
		break;
	}
}

void refine(const struct pl_fn *fn, struct pl_state *st, CXCursor cond, int truth)
{
	int vs;
	struct pl_val v = eval_expr(fn, st, cond, &vs);
	if (v.kind == VK_FACT) {
		apply_fact(fn, st, &v, truth);
		return;
	}
	if (!truth && vs >= 0 && fn->slots[vs].is_pointer)
		st->v[vs] = pl_val_make(VK_BOTTOM);
}

/* When a scope closes, the guarantees that depended on it end. */
static void end_scope(const struct pl_fn *fn, struct pl_state *st, enum rule_scope s, int ev)
{
	if (st->depth[s] > 0)
		st->depth[s]--;
	if (st->depth[s] > 0)
		return;
	for (size_t i = 0; i < fn->nslots; i++) {
		struct pl_val *v = &st->v[i];
		if (v->kind == VK_FACT && v->fact == F_RAISE) {
			/* a pfn_active() result tested after the section guarantees nothing */
			if ((s == SCOPE_RCU && v->level == L_RCU_ACTIVE) || (s == SCOPE_PGMAP && v->level == L_PGMAP))
				v->level = L_ARBITRARY;
			continue;
		}
		if (v->kind != VK_OBJ)
			continue;
		if (s == SCOPE_RCU && v->level == L_RCU_ACTIVE) {
			v->level = L_RCU_EXPIRED;
			v->end_ev = ev;
		} else if (s == SCOPE_PGMAP && v->level == L_PGMAP) {
			v->level = L_ARBITRARY;
			v->end_ev = ev;
		}
	}
}

static void report_use(struct pl_analysis *an, struct pl_state *st, int ev, CXCursor operand, const char *what)
{
	if (!an->report)
		return;
	int vs;
	struct pl_val v = eval_expr(an->fn, st, operand, &vs);
	if (v.kind != VK_OBJ)
		return;
	struct pl_use u = { an->fn, st, ev, what, operand, v };
	checks_on_use(an->report, &u);
}

static CXCursor call_arg(const struct pl_call *c, int i)
{
	return i < c->nargs ? c->args[i] : clang_getNullCursor();
}

static void transfer_call(struct pl_analysis *an, struct pl_state *st, int ev)
{
	const struct pl_fn *fn = an->fn;
	const struct pl_event *e = &fn->ev[ev];
	const struct pl_call *c = &fn->calls[e->aux];
	const struct rule *ru = c->rule;
	if (!ru)
		return;

	if (an->report && ru->nuses) {
		char *what = xasprintf("%s()", c->name);
		for (int i = 0; i < ru->nuses; i++)
			if (!clang_Cursor_isNull(call_arg(c, ru->uses[i])))
				report_use(an, st, ev, call_arg(c, ru->uses[i]), what);
		free(what);
	}

	if (ru->enter)
		st->depth[ru->enter]++;
	if (ru->exit)
		end_scope(fn, st, ru->exit, ev);

	struct pl_val r = pl_val_make(VK_NONE);
	int as;
	switch (ru->result) {
	case RES_SOURCE: {
		struct pl_val a = eval_expr(fn, st, call_arg(c, ru->result_arg), &as);
		if (a.kind == VK_OBJ) {
			r = a;
			if (r.origin_ev < 0)
				r.origin_ev = ev;
		} else if (a.kind == VK_CALLER) {
			r = a;
		} else {
			/* an arbitrary pfn: the page is a new object, and so is the pfn variable */
			r = pl_val_obj(ev, L_ARBITRARY, ev);
			if (as >= 0) {
				st->v[as] = r;
				st->v[as].origin_ev = -1;
			}
		}
		if (ru->result_level != L_NONE && r.kind == VK_OBJ) {
			enum pl_level l = effective_level(ru->result_level, st);
			if (r.level < l) {
				r.level = (uint8_t)l;
				r.guard_ev = ev;
				r.end_ev = -1;
				/* pfn_to_online_page() under RCU: still online after the section */
				r.fact = (uint8_t)(l != ru->result_level ? ru->result_level : 0);
			}
		}
		break;
	}
	case RES_SAME:
	case RES_ARG: {
		CXCursor arg = call_arg(c, ru->result_arg);
		r = eval_expr(fn, st, arg, &as);
		if (r.kind == VK_BOTTOM && ru->result == RES_SAME)
			r = pl_val_make(VK_NONE);
		/* an address or pfn turned into a struct page: the page comes from here */
		if (r.kind == VK_OBJ && ru->result == RES_SAME && type_is_page_pointer(clang_getCursorType(e->cur)) &&
		    !type_is_page_pointer(clang_getCursorType(arg)))
			r.origin_ev = ev;
		break;
	}
	case RES_NEW:
		r = pl_val_obj(ev, ru->result_level ? ru->result_level : L_HELD, ev);
		break;
	default:
		r = pl_val_make(type_is_pointer(clang_getCursorType(e->cur)) ? VK_CALLER : VK_NONE);
		break;
	}

	if (ru->guard_level != L_NONE) {
		struct pl_val a = eval_expr(fn, st, call_arg(c, ru->guard_arg), &as);
		if ((a.kind == VK_NONE || a.kind == VK_BOTTOM) && as >= 0) {
			a = pl_val_obj(ev, L_ARBITRARY, -1);
			st->v[as] = a;
		}
		if (a.kind == VK_OBJ) {
			struct pl_val f = pl_val_make(VK_FACT);
			f.fact = F_RAISE;
			f.level = (uint8_t)effective_level(ru->guard_level, st);
			f.site = a.site;
			f.slot = as;
			f.guard_ev = ev;
			f.neg = ru->guard_when == WHEN_FALSE;
			if (ru->guard_when == WHEN_ALWAYS)
				apply_fact(fn, st, &f, 1);
			else
				r = f;
		}
	}
	if (ru->err_arg >= 0) {
		struct pl_val a = eval_expr(fn, st, call_arg(c, ru->err_arg), &as);
		r = pl_val_make(VK_FACT);
		r.fact = F_ERRPTR;
		r.site = a.kind == VK_OBJ ? a.site : -1;
		r.slot = as;
	}
	if (c->result_slot >= 0)
		st->v[c->result_slot] = r;
}

void transfer_event(struct pl_analysis *an, struct pl_state *st, int ev)
{
	const struct pl_fn *fn = an->fn;
	const struct pl_event *e = &fn->ev[ev];
	int vs;
	switch (e->kind) {
	case EV_CALL:
		transfer_call(an, st, ev);
		break;
	case EV_ASSIGN:
	case EV_COPY:
		if (e->slot >= 0) {
			struct pl_val v = eval_expr(fn, st, e->src, &vs);
			st->v[e->slot] = v;
		}
		break;
	case EV_UPDATE: {
		struct pl_val v = st->v[e->slot];
		if (!fn->slots[e->slot].is_pointer && !(v.kind == VK_CALLER || (v.kind == VK_OBJ && v.level == L_HELD)))
			v = pl_val_make(VK_NONE);
		st->v[e->slot] = v;
		break;
	}
	case EV_RESET:
		st->v[e->slot] = slot_default(fn, e->slot);
		break;
	case EV_DEREF: {
		if (!an->report)
			break;
		const char *what = "'*'";
		char *owned = NULL;
		enum CXCursorKind k = clang_getCursorKind(e->cur);
		if (k == CXCursor_MemberRefExpr) {
			CXString s = clang_getCursorSpelling(e->cur);
			const char *m = clang_getCString(s);
			/* members of anonymous unions have no name of their own */
			if (m && *m && !strchr(m, ' ') && !strchr(m, '('))
				what = owned = xasprintf("'->%s'", m);
			else
				what = "'->'";
			clang_disposeString(s);
		} else if (k == CXCursor_ArraySubscriptExpr) {
			what = "'[]'";
		}
		report_use(an, st, ev, e->src, what);
		free(owned);
		break;
	}
	case EV_RETURN:
		break;
	}
}
