/* What each event does to the state, and what a branch condition tells. */
#include "analysis.h"
#include "observer.h"
#include "util.h"
#include "collect.h"

#include <stdlib.h>
#include <string.h>

static struct pl_val slot_default(const struct pl_fn *fn, int slot)
{
	if (fn->slots[slot].field_base >= 0)
		return field_slot_default(slot);
	return pl_val_make(fn->slots[slot].is_pointer ? VK_CALLER : VK_NONE);
}

/* The page fields read through pointer variable `base` (buf->page) are
 * unknown again: base changed, or a call was given it. */
static void reset_fields_of(const struct pl_fn *fn, struct pl_state *st, int base)
{
	for (size_t i = 0; i < fn->nfield_slots; i++)
		if (fn->slots[fn->field_slots[i]].field_base == base)
			state_set(st, fn->field_slots[i], field_slot_default(fn->field_slots[i]));
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

static int same_object(const struct pl_val *v, int i, int site, int slot)
{
	return (site >= 0 && v->site == site && (v->kind == VK_OBJ || v->kind == VK_CALLER)) || i == slot;
}

/* A callback's argument that its caller holds for the whole call
 * (rules/callbacks.yaml): a put here drops another reference. */
static int held_by_callback_caller(const struct pl_fn *fn, const struct pl_val *v)
{
	int p = caller_site_param(v->site);
	return v->kind == VK_CALLER && p >= 0 && ((fn->caller_holds >> p) & 1);
}

/* Acquiring on a caller's page makes it ours to release. */
static void take(struct pl_val *v, enum pl_hold hold, int ev, int site, int speculative)
{
	int callers = v->kind == VK_CALLER;
	/* a page this code found kept by something else, not yet referenced here */
	int kept_by_others = v->kind == VK_OBJ && v->level == L_HELD && !(v->pflags & PF_HELD) && v->acquire_ev < 0;
	if (v->kind == VK_CALLER || v->kind == VK_NONE) {
		/* a caller's page becomes ours; a net_iov look-alike keeps its history */
		int pf = v->pflags & (PF_NETMEM | PF_PAGE_OK);
		int keep = v->site >= 0 && (pf & PF_NETMEM);
		int osite = v->site, origin = v->origin_ev;
		*v = pl_val_obj(keep ? osite : (site >= 0 ? site : ev), L_HELD, keep ? origin : -1);
		v->pflags = (uint8_t)pf;
	}
	if (v->kind != VK_OBJ)
		return;
	if (v->level == L_ONLINE)
		v->floor = L_ONLINE; /* after the put it is still an online page */
	else if ((kept_by_others || (callers && speculative)) && hold)
		/* kept by what the caller holds (vm_normal_page() under the PTL), or
		 * a caller's page whose existence a speculative get relied on (a
		 * folio on an LRU list under lru_lock): the put of our extra
		 * reference leaves it kept (copy_present_pte(), isolate_lru_folios()) */
		v->floor = L_HELD;
	if (!hold)
		v->floor = L_HELD; /* isolate_lru_page(), get_hwpoison_page(): a reference others manage */
	v->level = L_HELD;
	v->end_ev = -1;
	if (hold) {
		if (!(v->pflags & PF_HELD))
			v->refs = 0;
		if (v->refs < 7)
			v->refs++;
		if (v->hold != HOLD_OWNED && v->hold != HOLD_PIN)
			v->hold = (uint8_t)hold; /* get_page() on our allocation: still ours to free */
		if (!(v->pflags & PF_HELD) || v->acquire_ev < 0)
			v->acquire_ev = ev; /* notes name the first acquisition */
		v->pflags |= PF_HELD;
		v->pflags &= (uint8_t)~PF_ESCAPED;
	}
}

/* Raise every value of object `site` (and the variable `slot`) to level. */
static void raise_object(const struct pl_fn *fn, struct pl_state *st, int site, int slot, enum pl_level level,
			 enum pl_hold hold, int guard_ev, int speculative)
{
	for (size_t k = 0; k < st->n; k++) { /* a slot without an entry (VK_BOTTOM) is never raised */
		size_t i = (size_t)st->e[k].slot;
		struct pl_val *v = &st->e[k].v;
		if (!same_object(v, (int)i, site, slot))
			continue;
		if (level == L_HELD) {
			/* a copy already stored in an array stays handed over; so does a
			 * page stored before the reference is taken for it
			 * (buf->page = page; get_page(page)) */
			int was_stored = v->stored;
			int stored = (fn->slots[i].is_elem && (v->pflags & PF_ESCAPED)) || (was_stored && hold);
			/* a callback's argument its caller holds for the call: the
			 * reference taken here, or handed over (hugetlb_remove_rmap()),
			 * is one more, and the put of it leaves the caller's */
			int caller_held = held_by_callback_caller(fn, v);
			/* a caller's page: the variable taken, and values made from it
			 * (entry = mk_pte(page, prot), a pfn); other pointers to it stay
			 * the caller's */
			if (v->kind == VK_OBJ || (int)i == slot || (v->kind == VK_CALLER && !fn->slots[i].is_pointer))
				take(v, hold, guard_ev, site, speculative || caller_held);
			if (stored) {
				v->pflags |= PF_ESCAPED;
				v->pflags &= (uint8_t)~PF_HELD;
				v->stored = (uint8_t)(was_stored ? 2 : 0);
			}
			continue;
		}
		if (v->kind == VK_OBJ && v->level < level) {
			v->level = (uint8_t)level;
			v->guard_ev = guard_ev;
			v->end_ev = -1;
		}
	}
}

/* The pointer in slot is NULL (or an error): on this path its object does
 * not exist, whatever other slots (the call's result, the pfn) say. */
static void no_object(const struct pl_fn *fn, struct pl_state *st, int slot)
{
	if (slot < 0)
		return;
	struct pl_val old = state_get(st, slot);
	int site = old.kind == VK_OBJ ? old.site : -1;
	state_set(st, slot, pl_val_make(VK_BOTTOM));
	if (site < 0)
		return;
	for (size_t k = 0; k < st->n; k++)
		if (st->e[k].v.kind == VK_OBJ && st->e[k].v.site == site)
			st->e[k].v = pl_val_make(fn->slots[st->e[k].slot].is_pointer ? VK_BOTTOM : VK_NONE);
}

/* This code's reference on the object of v (also in slot vs) is gone. */
static void release_object(struct pl_state *st, int ev, const struct pl_val *pv, int vs, int whole_array)
{
	struct pl_val v = *pv;
	if (v.kind != VK_OBJ)
		return;
	int partial = (v.pflags & PF_ARRAY) && !whole_array;
	for (size_t k = 0; k < st->n; k++) {
		size_t i = (size_t)st->e[k].slot;
		struct pl_val *w = &st->e[k].v;
		if (!((w->kind == VK_OBJ && v.site >= 0 && w->site == v.site) || (int)i == vs))
			continue;
		if (w->kind != VK_OBJ)
			continue;
		if (w->refs > 1 && !partial && !whole_array) {
			w->refs--; /* get_page(); put_page(): one reference is left */
			continue;
		}
		if (w->level == L_ONLINE || w->level == L_PGMAP)
			continue; /* a reference handed in with the pfn (MF_COUNT_INCREASED): still an online page,
				   * or a ZONE_DEVICE page whose pgmap is held */
		w->pflags &= (uint8_t)~PF_HELD;
		w->owed_caller = 0;
		w->refs = 0;
		if (partial)
			continue; /* one element of many: the array as a whole is not freed */
		if (w->floor > L_RELEASED && w->level == L_HELD) {
			/* pfn_to_online_page() + speculative ref + put: online; an
			 * isolated page after the put of our own reference: held */
			w->level = w->floor;
			continue;
		}
		w->level = L_RELEASED;
		w->end_ev = ev;
	}
}

/* The state after this code dropped the page in v (slot vs): a caller's
 * page becomes a released object of its own. */
static void release_effect(const struct pl_fn *fn, struct pl_state *st, int ev, struct pl_val v, int vs,
			   int whole_array)
{
	if (v.kind == VK_CALLER && vs >= 0 && fn->slots[vs].is_elem && !whole_array)
		return; /* put_page(pages[i]) of the caller's array: one element of many */
	if (held_by_callback_caller(fn, &v))
		return; /* a callback's caller holds its own reference for the call: this put drops another */
	if (v.kind == VK_CALLER && (vs >= 0 || v.site >= 0)) {
		/* a reference held elsewhere cannot be assumed after this; the new
		 * object's site is this release (page-use-after-put reads a second
		 * release by the same call as a loop over handed-in references) */
		struct pl_val nv = pl_val_obj(ev, L_RELEASED, -1);
		nv.end_ev = ev;
		nv.pflags = (uint8_t)((v.pflags & PF_NETMEM) | (vs >= 0 && fn->slots[vs].is_elem ? PF_ARRAY : 0));
		if (vs >= 0) /* folio_put(page_folio(page)): no variable, its copies below */
			state_set(st, vs, nv);
		/* every page or folio copy of the caller's pointer (p = page;
		 * folio = page_folio(page)) names the same page: it is gone for all
		 * of them (an address it was made from, `void *pos`, is not a page) */
		for (size_t k = 0; v.site >= 0 && k < st->n; k++) {
			struct pl_val *w = &st->e[k].v;
			if (w->kind == VK_CALLER && w->site == v.site && fn->slots[st->e[k].slot].is_page)
				*w = nv;
		}
		return;
	}
	release_object(st, ev, &v, vs, whole_array);
}

/* An integer variable tested against a constant: record what the branch
 * says, or find the branch impossible on this path. */
static void apply_inteq(struct pl_state *st, int slot, int32_t c, int holds)
{
	if (slot >= 0 && !pl_val_const_learn(state_at(st, slot), c, holds))
		st->reachable = 0;
}

/* skb_frag_page() since 6.12 returns NULL for a net_iov frag: a page it
 * gave that tested non-NULL is a real page, with every copy of it. */
static void nonnull_frag_page(const struct pl_fn *fn, struct pl_state *st, int slot)
{
	if (slot < 0 || !(state_get(st, slot).pflags & PF_NETMEM))
		return;
	const struct pl_val v = state_get(st, slot);
	if (v.origin_ev < 0 || fn->ev[v.origin_ev].kind != EV_CALL)
		return;
	const struct rule *ru = fn->calls[fn->ev[v.origin_ev].aux].rule;
	if (!ru || ru->result_netmem != NETMEM_NULL_IF_NET_IOV)
		return;
	for (size_t k = 0; k < st->n; k++) {
		struct pl_val *w = &st->e[k].v;
		if (st->e[k].slot == slot || (v.site >= 0 && w->site == v.site && (w->pflags & PF_NETMEM)))
			w->pflags &= (uint8_t)~PF_NETMEM;
	}
}

static void apply_fact(const struct pl_fn *fn, struct pl_state *st, const struct pl_val *f, int truth)
{
	int holds = truth ^ f->neg;
	if (f->half && !holds)
		return; /* rc != -EAGAIN: says nothing */
	switch (f->fact) {
	case F_INTEQ:
		apply_inteq(st, f->slot, f->cval, holds);
		break;
	case F_RELEASE:
		if (holds) {
			struct pl_val o = f->slot >= 0 ? state_get(st, f->slot) : pl_val_obj(f->site, L_HELD, -1);
			if (o.kind == VK_OBJ && f->site >= 0 && o.site != f->site)
				o = pl_val_obj(f->site, L_HELD, -1); /* the variable was reassigned */
			release_effect(fn, st, f->guard_ev, o, f->slot, f->level);
		}
		break;
	case F_RAISE:
		if (holds)
			raise_object(fn, st, f->site, f->slot, (enum pl_level)f->level, (enum pl_hold)f->hold,
				     f->guard_ev, f->floor == L_HELD);
		break;
	case F_NONNULL:
		if (!holds)
			no_object(fn, st, f->slot);
		else
			nonnull_frag_page(fn, st, f->slot);
		break;
	case F_ERRPTR:
		if (holds)
			no_object(fn, st, f->slot);
		break;
	case F_EMPTY:
		/* the GUP call pinned nothing: no pages to track on this path */
		if (holds)
			for (size_t k = 0; k < st->n; k++)
				if ((f->site >= 0 && st->e[k].v.kind == VK_OBJ && st->e[k].v.site == f->site) ||
				    st->e[k].slot == f->slot)
					st->e[k].v = pl_val_make(VK_BOTTOM);
		break;
	case F_NETIOV:
		if (!holds && f->slot >= 0)
			state_at(st, f->slot)->pflags |= PF_PAGE_OK;
		break;
	case F_SCOPE:
		if (holds)
			st->depth[f->level] = 1;
		break;
	case F_LASTREF:
		for (size_t k = 0; k < st->n; k++) {
			struct pl_val *v = &st->e[k].v;
			if (!((v->kind == VK_OBJ && f->site >= 0 && v->site == f->site) || st->e[k].slot == f->slot) ||
			    v->kind != VK_OBJ)
				continue;
			if (holds) { /* the count hit zero: the page is ours to free */
				v->level = L_HELD;
				v->hold = HOLD_OWNED;
				v->refs = 1;
				v->pflags |= PF_HELD;
				v->acquire_ev = f->guard_ev;
			} else { /* someone else still holds it (mm core keeps using such
				  * pages under its own locks): ours is gone, nothing more */
				v->refs = 0;
				v->pflags &= (uint8_t)~PF_HELD;
			}
		}
		break;
	}
}

int pointer_pair(const struct pl_fn *fn, CXCursor cond, int *a, int *b, int *ne)
{
	CXCursor e = cursor_strip(cond), l, r;
	if (clang_getCursorKind(e) != CXCursor_BinaryOperator || !cursor_two_operands(e, &l, &r))
		return 0;
	enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(e);
	if (op != CXBinaryOperator_EQ && op != CXBinaryOperator_NE)
		return 0;
	l = cursor_strip(l);
	r = cursor_strip(r);
	if (clang_getCursorKind(l) != CXCursor_DeclRefExpr || clang_getCursorKind(r) != CXCursor_DeclRefExpr)
		return 0;
	*a = cursor_map_get(&fn->vars, clang_getCursorReferenced(l));
	*b = cursor_map_get(&fn->vars, clang_getCursorReferenced(r));
	*ne = op == CXBinaryOperator_NE;
	return *a >= 0 && *b >= 0 && fn->slots[*a].is_pointer && fn->slots[*b].is_pointer;
}

int same_page_value(const struct pl_val *x, const struct pl_val *y)
{
	return (x->kind == VK_OBJ || x->kind == VK_CALLER) && x->kind == y->kind && x->site >= 0 && x->site == y->site;
}

void refine(const struct pl_fn *fn, struct pl_state *st, CXCursor cond, int truth)
{
	int pa, pb, ne;
	if (pointer_pair(fn, cond, &pa, &pb, &ne)) {
		/* dst = src on this path: "dst != src" is false here */
		struct pl_val a = state_get(st, pa), b = state_get(st, pb);
		if (same_page_value(&a, &b) && truth == ne)
			st->reachable = 0;
		return;
	}
	int vs;
	struct pl_val v = eval_expr(fn, st, cond, &vs);
	if (v.kind == VK_FACT) {
		apply_fact(fn, st, &v, truth);
		return;
	}
	if (vs >= 0 && !fn->slots[vs].is_pointer && !fn->slots[vs].is_elem && (v.kind == VK_NONE || v.kind == VK_BOTTOM)) {
		apply_inteq(st, vs, 0, !truth); /* if (flag) */
		return;
	}
	/* if (pfn_to_online_page(pfn)): non-NULL means the guarantee holds for
	 * the whole object, the pfn included */
	if (truth && v.kind == VK_OBJ && v.site >= 0 && v.level > L_ARBITRARY && v.level != L_HELD)
		raise_object(fn, st, v.site, -1, (enum pl_level)v.level, HOLD_NONE, v.guard_ev, 0);
	if (!truth && vs >= 0 && (fn->slots[vs].is_pointer || v.kind == VK_OBJ))
		no_object(fn, st, vs); /* if (!page), if (!addr) of __get_free_page() */
	if (truth && vs >= 0 && fn->slots[vs].is_pointer)
		nonnull_frag_page(fn, st, vs); /* if (page) of skb_frag_page() since 6.12 */
	if (truth && vs < 0 && (v.pflags & PF_NETMEM))
		nonnull_frag_page(fn, st, cursor_map_get(&fn->temps, cursor_strip(cond))); /* if (skb_frag_page(f)) */
}

/* When a scope closes, the guarantees that depended on it end. */
static void end_scope(struct pl_state *st, enum rule_scope s, int ev)
{
	if (st->depth[s] > 0)
		st->depth[s]--;
	if (st->depth[s] > 0)
		return;
	for (size_t k = 0; k < st->n; k++) {
		struct pl_val *v = &st->e[k].v;
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
		} else if (s == SCOPE_PTL && v->level == L_PTL) {
			v->level = L_ARBITRARY;
			v->end_ev = ev;
		} else if (s == SCOPE_PGMAP && v->level == L_PGMAP) {
			v->level = L_ARBITRARY;
			v->end_ev = ev;
		}
	}
}

/* Ownership left this function: stored, returned or handed over. */
static void escape(struct pl_state *st, const struct pl_val *v)
{
	if (v->kind != VK_OBJ || v->site < 0)
		return;
	int site = v->site; /* v may be one of the values changed */
	for (size_t k = 0; k < st->n; k++) {
		struct pl_val *w = &st->e[k].v;
		if (w->kind == VK_OBJ && w->site == site) {
			w->pflags |= PF_ESCAPED;
			w->pflags &= (uint8_t)~PF_HELD; /* no longer owed by this function */
			w->owed_caller = 0;
		}
	}
}

/* The variable expression e converts (page_to_netmem(page), (void *)page),
 * -1 if none: a loaded pointer has no object to find its copies by. */
static int root_slot(const struct pl_fn *fn, CXCursor e)
{
	for (int depth = 0; depth < 8 && !clang_Cursor_isNull(e); depth++) {
		e = cursor_strip(e);
		if (clang_getCursorKind(e) == CXCursor_DeclRefExpr)
			return cursor_map_get(&fn->vars, clang_getCursorReferenced(e));
		int ci = cursor_map_get(&fn->callmap, e);
		if (ci < 0)
			return -1;
		const struct pl_call *c = &fn->calls[ci];
		if (!c->rule || (c->rule->result != RES_SAME && c->rule->result != RES_ARG) || c->rule->result_arg >= c->nargs)
			return -1;
		e = c->args[c->rule->result_arg];
	}
	return -1;
}

/* The page in expression e is stored, or handed to a callee whose rule says
 * it keeps it: escape() it, and remember the store on every copy (a caller's
 * page included), so that a reference taken next goes with it. A function
 * without a rule only may keep the page: that is not remembered. */
static void escape_expr(const struct pl_fn *fn, struct pl_state *st, CXCursor e)
{
	int vs;
	struct pl_val v = eval_expr(fn, st, e, &vs);
	escape(st, &v);
	for (size_t k = 0; v.site >= 0 && (v.kind == VK_OBJ || v.kind == VK_CALLER) && k < st->n; k++) {
		struct pl_val *w = &st->e[k].v;
		if ((w->kind == VK_OBJ || w->kind == VK_CALLER) && w->site == v.site)
			w->stored = 1;
	}
	int rs = root_slot(fn, e);
	if (rs >= 0) {
		struct pl_val r = state_get(st, rs);
		if ((r.kind == VK_CALLER || r.kind == VK_OBJ) && !r.stored) {
			r.stored = 1;
			state_set(st, rs, r);
		}
	}
}

static int interesting(const struct pl_val *v)
{
	return v->kind == VK_OBJ || (v->kind == VK_CALLER && (v->pflags & PF_NETMEM));
}

static void report_use(struct pl_analysis *an, struct pl_state *st, int ev, CXCursor operand, const char *what,
		       const struct rule *ru)
{
	if (!an->report)
		return;
	int vs;
	struct pl_val v = eval_expr(an->fn, st, operand, &vs);
	if (!interesting(&v))
		return;
	if (an->report->collect) {
		int p = v.site - PARAM_SITE(0);
		if (v.kind == VK_OBJ && p >= 0 && p < 32)
			an->report->collect->used |= 1u << p;
		return;
	}
	struct pl_use u = { an->fn, st, ev, what, operand, v, ru };
	checks_on_use(an->report, &u);
}

static CXCursor call_arg(const struct pl_call *c, int i)
{
	return i >= 0 && i < c->nargs ? c->args[i] : clang_getNullCursor();
}

/* The value an array argument's elements hold, and their slot. */
static struct pl_val elem_value(const struct pl_fn *fn, const struct pl_state *st, CXCursor arg, int *slot)
{
	*slot = elem_slot_of(fn, arg);
	if (*slot >= 0)
		return state_get(st, *slot);
	return pl_val_make(VK_CALLER);
}

/* A release call; with `deferred`, its effect waits for a test of the
 * result (a helper that puts the page only when it fails): *fact gets it. */
static void do_release(struct pl_analysis *an, struct pl_state *st, int ev, const struct pl_call *c, int deferred,
		       struct pl_val *fact)
{
	const struct pl_fn *fn = an->fn;
	const struct rule *ru = c->rule;
	CXCursor arg = call_arg(c, ru->release_arg);
	int vs;
	struct pl_val v;
	int whole_array = 0;
	if (ru->release_array) {
		v = elem_value(fn, st, arg, &vs);
		whole_array = 1;
	} else {
		v = eval_expr(fn, st, arg, &vs);
		int es = elem_slot_of(fn, arg);
		if (es >= 0 && clang_getCursorKind(cursor_strip(arg)) != CXCursor_DeclRefExpr)
			vs = es; /* put_page(pages[i]) */
	}
	if (an->report && an->report->collect) {
		struct summary_collect *sc = an->report->collect;
		int p = v.site - PARAM_SITE(0), pe = v.site - PARAM_ELEM_SITE(0);
		if (v.kind == VK_OBJ && p >= 0 && p < 32) {
			sc->released |= 1u << p;
			sc->release_kind = ru->release_kind;
		} else if (v.kind == VK_OBJ && pe >= 0 && pe < 32) {
			sc->released |= 1u << pe;
			sc->release_kind = ru->release_kind;
		}
	} else if (an->report && interesting(&v)) {
		struct pl_release r = { fn, st, ev, c->name, ru->release_kind, arg, v };
		checks_on_release(an->report, &r);
	}
	if (!deferred) {
		release_effect(fn, st, ev, v, vs, whole_array);
		return;
	}
	if (v.kind != VK_OBJ && v.kind != VK_CALLER)
		return;
	*fact = pl_val_make(VK_FACT);
	fact->fact = F_RELEASE;
	fact->site = v.kind == VK_OBJ ? v.site : -1;
	fact->slot = vs;
	fact->guard_ev = ev;
	fact->level = (uint8_t)whole_array;
}

/* Whether a conditional release happens: 1 now, 0 not, 2 when the result
 * is non-zero (decided where it is tested). */
static int release_applies(const struct pl_fn *fn, const struct pl_state *st, const struct pl_call *c)
{
	const struct rule *ru = c->rule;
	if (ru->release_if == RELIF_RESULT_NONZERO)
		return c->result_slot >= 0 && !c->result_unused ? 2 : 1; /* an unchecked result: maybe released */
	if (ru->release_if != RELIF_ARG_IS && ru->release_if != RELIF_ARG_IS_NOT)
		return 1;
	CXCursor a = call_arg(c, ru->release_if_arg);
	long long k;
	int known = 0, equal = 0;
	if (cursor_int_constant(a, &k)) {
		known = 1;
		equal = k == ru->release_if_value;
	} else if (!clang_Cursor_isNull(a)) {
		int vs;
		struct pl_val v = eval_expr(fn, st, a, &vs);
		int is = pl_val_const_is(&v, ru->release_if_value);
		known = is >= 0;
		equal = is == 1;
	}
	if (!known)
		return 1; /* a mode not known here: the release may happen */
	return (ru->release_if == RELIF_ARG_IS) == equal;
}

/* Flags of a GUP flags argument: FOLL_LONGTERM, FOLL_PIN. */
static uint8_t gup_flags(const struct pl_fn *fn, const struct pl_state *st, CXCursor arg)
{
	if (clang_Cursor_isNull(arg))
		return 0;
	int vs;
	struct pl_val v = eval_expr(fn, st, arg, &vs);
	return v.pflags & (PF_LONGTERM | PF_FOLL_PIN);
}

/* "'->pages[]'": the memory a store or GUP call writes, for messages. */
static char *target_name(CXCursor e)
{
	e = cursor_strip(e);
	enum CXCursorKind k = clang_getCursorKind(e);
	if (k == CXCursor_ArraySubscriptExpr || k == CXCursor_UnaryOperator) {
		struct cursor_list kids = { 0 };
		cursor_children(e, &kids);
		char *inner = kids.n ? target_name(kids.v[0]) : xstrdup("''");
		cursor_list_free(&kids);
		size_t n = strlen(inner);
		char *r = xasprintf("%.*s[]'", (int)(n > 0 ? n - 1 : 0), inner);
		free(inner);
		return r;
	}
	CXString s = clang_getCursorSpelling(e);
	const char *name = clang_getCString(s);
	char *r;
	if (k == CXCursor_MemberRefExpr)
		r = xasprintf("'->%s'", name && *name ? name : "?");
	else
		r = xasprintf("'%s'", name && *name ? name : "?");
	clang_disposeString(s);
	return r;
}

/* Structures that live for one operation (rules: short-lived-structs): a
 * fault handler filling vmf->page hands the reference to the fault code. */
static int short_lived_struct(const struct pl_fn *fn, CXType ptr)
{
	CXType t = clang_getCanonicalType(clang_getPointeeType(clang_getCanonicalType(ptr)));
	CXString s = clang_getCursorSpelling(clang_getTypeDeclaration(t));
	const char *n = clang_getCString(s);
	int yes = n && rules_short_lived_struct(fn->rules, n);
	clang_disposeString(s);
	return yes;
}

/* Memory that outlives the function: through a pointer, a global, a
 * parameter's array. */
static int long_lived(const struct pl_fn *fn, CXCursor lhs)
{
	lhs = cursor_strip(lhs);
	for (int depth = 0; depth < 16; depth++) {
		enum CXCursorKind k = clang_getCursorKind(lhs);
		if (k == CXCursor_DeclRefExpr) {
			CXCursor d = clang_getCursorReferenced(lhs);
			if (clang_Cursor_hasVarDeclGlobalStorage(d) == 1)
				return 1;
			int s = cursor_map_get(&fn->vars, d);
			return s >= 0 && fn->slots[s].is_param && fn->slots[s].is_pointer;
		}
		if (k == CXCursor_UnaryOperator && clang_getCursorUnaryOperatorKind(lhs) == CXUnaryOperator_Deref)
			return 1;
		struct cursor_list kids = { 0 };
		cursor_children(lhs, &kids);
		CXCursor base = kids.n ? cursor_strip(kids.v[0]) : clang_getNullCursor();
		cursor_list_free(&kids);
		if (clang_Cursor_isNull(base))
			return 0;
		if (k == CXCursor_MemberRefExpr && type_is_pointer(clang_getCursorType(base)))
			return !short_lived_struct(fn, clang_getCursorType(base)); /* p->x */
		if (k == CXCursor_ArraySubscriptExpr && type_is_pointer(clang_getCursorType(base)) &&
		    clang_getCursorKind(base) != CXCursor_DeclRefExpr)
			return 1; /* p->arr[i] through a pointer member */
		lhs = base;
	}
	return 0;
}

static void do_gup(struct pl_analysis *an, struct pl_state *st, int ev, const struct pl_call *c, struct pl_val *r)
{
	const struct pl_fn *fn = an->fn;
	const struct rule *ru = c->rule;
	uint8_t fl = gup_flags(fn, st, call_arg(c, ru->gup_flags));
	enum pl_hold hold = (ru->gup_hold == HOLD_PIN || (fl & PF_FOLL_PIN)) ? HOLD_PIN : ru->gup_hold;
	int longterm = ru->gup_longterm || (fl & PF_LONGTERM);

	struct pl_val nv = pl_val_obj(ev, L_HELD, ev);
	nv.hold = (uint8_t)hold;
	nv.acquire_ev = ev;
	nv.refs = 1;
	nv.pflags = PF_HELD | (longterm ? 0 : PF_MOVABLE);

	CXCursor arg = call_arg(c, ru->gup_pages);
	CXCursor sa = cursor_strip(arg);
	int target = -1;
	if (clang_getCursorKind(sa) == CXCursor_UnaryOperator &&
	    clang_getCursorUnaryOperatorKind(sa) == CXUnaryOperator_AddrOf) {
		struct cursor_list kids = { 0 };
		cursor_children(sa, &kids);
		if (kids.n && clang_getCursorKind(cursor_strip(kids.v[0])) == CXCursor_DeclRefExpr)
			target = cursor_map_get(&fn->vars, clang_getCursorReferenced(cursor_strip(kids.v[0])));
		cursor_list_free(&kids);
	} else {
		target = elem_slot_of(fn, arg);
		if (target >= 0)
			nv.pflags |= PF_ARRAY;
	}
	if (target >= 0) {
		if (fn->slots[target].elem_of_param) {
			/* the caller's, unless this code returns an error: then it
			 * cannot know how many there are (page-ref-leak) */
			nv.pflags |= PF_ESCAPED;
			nv.pflags &= (uint8_t)~PF_HELD;
			nv.owed_caller = 1;
		}
		state_set(st, target, nv);
	} else if (!clang_Cursor_isNull(arg) && long_lived(fn, arg)) {
		/* GUP writes straight into a long-lived object (ubuf->pages) */
		if (an->report && !an->report->collect) {
			char *t = target_name(arg);
			struct pl_store s = { fn, ev, t, nv };
			checks_on_store(an->report, &s);
			free(t);
		}
	}
	/* the result: nothing held when it is <= 0 (or != 1 when one page was asked for) */
	*r = pl_val_make(VK_FACT);
	r->fact = F_EMPTY;
	r->neg = 1; /* "ret" alone: empty when false (zero) */
	r->site = ev;
	r->slot = target;
	long long nr;
	r->level = (uint8_t)(ru->gup_nr >= 0 && cursor_int_constant(call_arg(c, ru->gup_nr), &nr) && nr == 1);
	if (ru->gup_result == GUP_RESULT_ERRNO) {
		r->neg = 0; /* "ret" alone: empty when non-zero */
		r->level = F_EMPTY_ERRNO;
	} else if (ru->gup_result == GUP_RESULT_NONE) {
		*r = pl_val_make(VK_NONE);
	}
}

/* The slot of the variable whose address e is (&var), -1. */
static int addressed_slot(const struct pl_fn *fn, CXCursor e)
{
	e = cursor_strip(e);
	if (clang_getCursorKind(e) != CXCursor_UnaryOperator || clang_getCursorUnaryOperatorKind(e) != CXUnaryOperator_AddrOf)
		return -1;
	CXCursor v = cursor_strip(cursor_last_expr(e));
	if (clang_getCursorKind(v) != CXCursor_DeclRefExpr)
		return -1;
	return cursor_map_get(&fn->vars, clang_getCursorReferenced(v));
}

static void transfer_call(struct pl_analysis *an, struct pl_state *st, int ev)
{
	const struct pl_fn *fn = an->fn;
	const struct pl_event *e = &fn->ev[ev];
	const struct pl_call *c = &fn->calls[e->aux];
	const struct rule *ru = c->rule;

	/* &page->lru handed to anything (list_add): the page is owned elsewhere */
	for (int i = 0; i < c->nargs; i++) {
		CXCursor a = cursor_strip(c->args[i]);
		if (clang_getCursorKind(a) != CXCursor_UnaryOperator ||
		    clang_getCursorUnaryOperatorKind(a) != CXUnaryOperator_AddrOf)
			continue;
		struct cursor_list kids = { 0 };
		cursor_children(a, &kids);
		CXCursor m = kids.n ? cursor_strip(kids.v[0]) : clang_getNullCursor();
		cursor_list_free(&kids);
		if (clang_getCursorKind(m) == CXCursor_MemberRefExpr) {
			int vs;
			struct pl_val v = eval_expr(fn, st, a, &vs);
			escape(st, &v);
		}
	}
	if (!ru) {
		/* a page (or its pfn or address) handed to a function pagelife knows
		 * nothing about may be kept there: lru_cache_add(page),
		 * set_pte_at(pfn_pte(page_to_pfn(page))), make_alloc_exact(addr).
		 * Functions that only borrow (memcpy()) have rules. */
		for (int i = 0; i < c->nargs; i++) {
			int vs;
			struct pl_val v = eval_expr(fn, st, c->args[i], &vs);
			escape(st, &v);
			/* &dst_pfn: what the variable holds goes with its address
			 * (migrate_device_pages(&src_pfn, &dst_pfn, 1)) */
			int as = addressed_slot(fn, c->args[i]);
			if (as >= 0) {
				struct pl_val w = state_get(st, as);
				escape(st, &w);
			}
		}
		return;
	}

	if (an->report && ru->nuses) {
		char *what = xasprintf("%s()", c->name);
		for (int i = 0; i < ru->nuses; i++)
			if (!clang_Cursor_isNull(call_arg(c, ru->uses[i])))
				report_use(an, st, ev, call_arg(c, ru->uses[i]), what, ru);
		free(what);
	}
	for (int i = 0; i < c->nargs && i < 32; i++)
		if (ru->transfer_mask & (1u << i))
			escape_expr(fn, st, c->args[i]);

	if (ru->enter && ru->enter_when == WHEN_ALWAYS)
		st->depth[ru->enter]++;
	if (ru->exit)
		end_scope(st, ru->exit, ev);
	int lastref_slot = -1;
	struct pl_val result_fact = pl_val_make(VK_NONE);
	if (ru->release_arg >= 0 && ru->release_when != WHEN_ALWAYS) {
		/* put_page_testzero(): which branch released it is decided by the test */
		struct pl_val a = eval_expr(fn, st, call_arg(c, ru->release_arg), &lastref_slot);
		if (a.kind == VK_CALLER && lastref_slot >= 0) {
			a = pl_val_obj(ev, L_HELD, -1);
			state_set(st, lastref_slot, a);
		}
		if (a.kind == VK_OBJ) {
			result_fact = pl_val_make(VK_FACT);
			result_fact.fact = F_LASTREF;
			result_fact.site = a.site;
			result_fact.slot = lastref_slot;
			result_fact.guard_ev = ev;
			result_fact.neg = ru->release_when == WHEN_TRUE; /* "true" = released when it returns true */
		}
	} else if (ru->release_arg >= 0) {
		int how = release_applies(fn, st, c);
		if (how)
			do_release(an, st, ev, c, how == 2, &result_fact);
	}

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
				struct pl_val pv = r;
				pv.origin_ev = -1;
				state_set(st, as, pv);
			}
		}
		if (ru->result_ptl && st->depth[SCOPE_PTL] > 0 && r.kind == VK_OBJ && r.level < L_PTL) {
			r.level = L_PTL; /* a present entry read under its lock: the mapping holds the page */
			r.guard_ev = ev;
			r.end_ev = -1;
		}
		if (ru->result_level != L_NONE && r.kind == VK_OBJ) {
			enum pl_level l = effective_level(ru->result_level, st);
			if (r.level < l) {
				r.level = (uint8_t)l;
				r.guard_ev = ev;
				r.end_ev = -1;
				/* pfn_to_online_page() under RCU: still online after the section */
				r.floor = (uint8_t)(l != ru->result_level ? ru->result_level : 0);
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
		/* folio_put(folio); folio = page_folio(page): the folio a caller's page
		 * belongs to now, looked up again (the page may have been split off),
		 * is the caller's responsibility again; the page itself stays released */
		if (r.kind == VK_OBJ && r.level == L_RELEASED && ru->result == RES_SAME && as >= 0 &&
		    fn->slots[as].is_param && fn->slots[as].is_page && type_is_page_pointer(clang_getCursorType(e->cur))) {
			r = pl_val_make(VK_CALLER);
			r.site = CALLER_SITE(fn->slots[as].param_index);
		}
		/* an address or pfn turned into a struct page: the page comes from here */
		if (r.kind == VK_OBJ && ru->result == RES_SAME && type_is_page_pointer(clang_getCursorType(e->cur)) &&
		    !type_is_page_pointer(clang_getCursorType(arg)))
			r.origin_ev = ev;
		break;
	}
	case RES_NEW: {
		enum pl_hold hold = ru->acquire_hold ? ru->acquire_hold : HOLD_REF;
		r = pl_val_obj(ev, ru->result_level ? ru->result_level : L_HELD, ev);
		if (r.level == L_HELD && !ru->acquire_untracked) { /* a page of our own, not one a helper found */
			r.hold = (uint8_t)hold;
			r.acquire_ev = ev;
			r.refs = 1;
			r.pflags = PF_HELD | (ru->movable ? PF_MOVABLE : 0);
		}
		break;
	}
	default:
		r = pl_val_make(type_is_pointer(clang_getCursorType(e->cur)) ? VK_CALLER : VK_NONE);
		break;
	}

	if (ru->result_netmem) {
		/* a page that may be a net_iov look-alike, unless tested */
		int tested = (r.pflags & PF_PAGE_OK) ||
			     (ru->result_netmem != NETMEM_ALWAYS && st->depth[SCOPE_READABLE] > 0);
		if (r.kind != VK_OBJ)
			r = pl_val_make(VK_CALLER);
		if (!tested) {
			r.pflags |= PF_NETMEM;
			if (r.site < 0)
				r.site = ev;
			r.origin_ev = ev;
		}
		r.pflags &= (uint8_t)~PF_PAGE_OK;
	}

	if (ru->guard_level != L_NONE) {
		struct pl_val a = eval_expr(fn, st, call_arg(c, ru->guard_arg), &as);
		enum pl_hold hold = ru->guard_level == L_HELD && !ru->acquire_untracked
					    ? (ru->acquire_hold ? ru->acquire_hold : HOLD_REF)
					    : 0;
		if ((a.kind == VK_NONE || a.kind == VK_BOTTOM) && as >= 0 && ru->guard_level != L_HELD) {
			a = pl_val_obj(ev, L_ARBITRARY, -1);
			state_set(st, as, a);
		}
		if (a.kind == VK_OBJ || (a.kind == VK_CALLER && hold)) { /* untracked: caller's pages stay the caller's */
			struct pl_val f = pl_val_make(VK_FACT);
			f.fact = F_RAISE;
			f.level = (uint8_t)effective_level(ru->guard_level, st);
			f.hold = (uint8_t)hold;
			f.site = a.site; /* a caller's page parameter has one too: its copies (entry = mk_pte(page)) follow */
			f.slot = as;
			f.guard_ev = ev;
			f.neg = ru->guard_when == WHEN_FALSE;
			/* a conditional (speculative) reference: raise_object() marks it */
			f.floor = ru->guard_when != WHEN_ALWAYS && hold ? L_HELD : 0;
			if (ru->guard_when == WHEN_ALWAYS) {
				apply_fact(fn, st, &f, 1);
				/* a helper returning the page it took: the result is the raised page */
				if (ru->result == RES_SAME && ru->result_arg == ru->guard_arg && r.kind == VK_OBJ &&
				    r.site == a.site)
					r = eval_expr(fn, st, call_arg(c, ru->result_arg), &as);
			} else
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
	if (ru->gup_pages >= 0)
		do_gup(an, st, ev, c, &r);
	if (ru->netiov_test_arg >= 0) {
		eval_expr(fn, st, call_arg(c, ru->netiov_test_arg), &as);
		r = pl_val_make(VK_FACT);
		r.fact = F_NETIOV;
		r.slot = as;
	}
	if (ru->enter && ru->enter_when != WHEN_ALWAYS) {
		/* ptl = pmd_trans_huge_lock(pmd, vma); if (ptl) { ... } */
		r = pl_val_make(VK_FACT);
		r.fact = F_SCOPE;
		r.level = (uint8_t)ru->enter;
		r.neg = ru->enter_when == WHEN_FALSE;
	}
	if (ru->readable_test) {
		r = pl_val_make(VK_FACT);
		r.fact = F_SCOPE;
		r.level = SCOPE_READABLE;
		r.neg = ru->readable_test == WHEN_FALSE;
	}
	if (result_fact.kind == VK_FACT)
		r = result_fact;
	if (c->result_slot >= 0)
		state_set(st, c->result_slot, r);
}

/* *buf = (struct pipe_buffer){ .page = page }: each member value is stored. */
static void escape_init_list(const struct pl_fn *fn, struct pl_state *st, CXCursor e, int depth)
{
	e = cursor_strip(e);
	enum CXCursorKind k = clang_getCursorKind(e);
	if (depth > 3 || (k != CXCursor_CompoundLiteralExpr && k != CXCursor_InitListExpr))
		return;
	struct cursor_list kids = { 0 };
	cursor_children(e, &kids);
	for (size_t i = 0; i < kids.n; i++) {
		enum CXCursorKind kk = clang_getCursorKind(cursor_strip(kids.v[i]));
		if (kk == CXCursor_CompoundLiteralExpr || kk == CXCursor_InitListExpr)
			escape_init_list(fn, st, kids.v[i], depth + 1);
		else if (clang_isExpression(kk))
			escape_expr(fn, st, kids.v[i]);
	}
	cursor_list_free(&kids);
}

static void transfer_store(struct pl_analysis *an, struct pl_state *st, int ev, struct pl_val v)
{
	const struct pl_fn *fn = an->fn;
	const struct pl_event *e = &fn->ev[ev];
	escape_init_list(fn, st, e->src, 0);
	if (v.kind == VK_CALLER) {
		escape_expr(fn, st, e->src); /* buf->page = page: a later get_page() is the buffer's */
		return;
	}
	if (v.kind != VK_OBJ)
		return;
	CXCursor lhs = clang_getNullCursor();
	if (clang_getCursorKind(e->cur) == CXCursor_BinaryOperator) {
		struct cursor_list kids = { 0 };
		cursor_children(e->cur, &kids);
		if (kids.n)
			lhs = kids.v[0];
		cursor_list_free(&kids);
	}
	/* a pfn or address stored is not the page reference (kvm's *pfn = ...) */
	int lived = !clang_Cursor_isNull(lhs) && type_is_page_pointer(clang_getCursorType(lhs)) && long_lived(fn, lhs);
	if (an->report && !an->report->collect && lived) {
		char *t = target_name(lhs);
		struct pl_store s = { fn, ev, t, v };
		checks_on_store(an->report, &s);
		free(t);
	}
	escape_expr(fn, st, e->src);
}

/* Summary mode: what one return tells about parameters and the result. */
static void collect_return(const struct pl_fn *fn, const struct pl_state *st, const struct pl_event *e,
			   struct summary_collect *sc)
{
	unsigned acquired = 0, released = 0, elem_released = 0;
	/* only entries: a slot without one holds VK_BOTTOM, which these skip */
	for (size_t ki = 0; ki < st->n; ki++) {
		const struct pl_slot *sl = &fn->slots[st->e[ki].slot];
		const struct pl_val *v = &st->e[ki].v;
		if (sl->param_index < 0 || sl->param_index >= 32 || v->kind != VK_OBJ)
			continue;
		unsigned bit = 1u << sl->param_index;
		if (v->site != PARAM_SITE(sl->param_index) && v->site != PARAM_ELEM_SITE(sl->param_index))
			continue;
		if ((v->pflags & PF_ESCAPED) && v->stored != 2)
			sc->escaped |= bit; /* stored with a reference of its own: the caller's stays */
		if ((v->pflags & PF_HELD) && v->refs > 1 && !sl->is_elem)
			acquired |= bit; /* more than the caller's own */
		if (v->level == L_RELEASED && !(v->pflags & PF_HELD))
			released |= bit; /* dropped on every path that reaches here */
		if (sl->is_elem && !(v->pflags & PF_HELD))
			elem_released |= bit; /* a release loop, or unpin_user_pages() */
	}
	/* GUP into the caller's array: its pages are the caller's to release */
	unsigned gupped = 0;
	for (size_t ki = 0; ki < st->n; ki++) {
		const struct pl_slot *sl = &fn->slots[st->e[ki].slot];
		const struct pl_val *v = &st->e[ki].v;
		if (!sl->elem_of_param || sl->param_index < 0 || sl->param_index >= 32 || v->kind != VK_OBJ ||
		    !v->hold || v->acquire_ev < 0 || v->site == PARAM_ELEM_SITE(sl->param_index) ||
		    fn->ev[v->acquire_ev].kind != EV_CALL || !fn->calls[fn->ev[v->acquire_ev].aux].rule ||
		    fn->calls[fn->ev[v->acquire_ev].aux].rule->gup_pages < 0)
			continue;
		gupped |= 1u << sl->param_index;
		sc->gup_hold = v->hold;
		sc->gup_movable |= (v->pflags & PF_MOVABLE) != 0;
	}
	sc->gupped |= gupped;
	/* loops joined with their zero-iteration path look released; only a
	 * helper with a single return is trusted to release its array (a
	 * return statement is seen once per path state reaching it) */
	int ev = (int)(e - fn->ev);
	if (sc->returns && sc->return_ev != ev)
		sc->multi_return = 1;
	sc->released_array = sc->multi_return ? 0 : (sc->returns ? sc->released_array & elem_released : elem_released);
	sc->return_ev = ev;
	sc->acquired_all = sc->returns ? (sc->acquired_all & acquired) : acquired;
	sc->released_all = sc->returns ? (sc->released_all & released) : released;
	sc->returns++;
	struct summary_return rec;
	memset(&rec, 0, sizeof(rec));
	rec.released = released;
	rec.gupped = gupped;
	for (size_t ki = 0; ki < st->n; ki++) { /* VK_BOTTOM: no constant, as memset */
		const struct pl_slot *sl = &fn->slots[st->e[ki].slot];
		if (sl->param_index >= 0 && sl->param_index < SUMMARY_INT_PARAMS && !sl->is_pointer && !sl->is_elem) {
			rec.arg_cst[sl->param_index] = st->e[ki].v.cst;
			rec.arg_cval[sl->param_index] = st->e[ki].v.cval;
		}
	}
	int vs;
	struct pl_val rv = pl_val_make(VK_NONE);
	long long k;
	if (!clang_Cursor_isNull(e->src)) {
		rv = eval_expr(fn, st, e->src, &vs);
		if (cursor_int_constant(e->src, &k)) {
			rec.ret_cst = CST_EQ;
			rec.ret_cval = (int32_t)k;
		} else {
			rec.ret_cst = rv.cst;
			rec.ret_cval = rv.cval;
		}
		rec.ret_gup = rv.kind == VK_FACT && rv.fact == F_EMPTY;
		int p = rv.site - PARAM_SITE(0);
		if (rv.kind == VK_FACT && rv.fact == F_RELEASE && !rv.neg && !rv.half && p >= 0 && p < 32)
			rec.cond_released = 1u << p; /* return helper(page): released when non-zero */
	}
	if (sc->nrec < SUMMARY_MAX_RETURNS)
		sc->rec[sc->nrec++] = rec;
	else
		sc->rec_overflow = 1;
	if (clang_Cursor_isNull(e->src))
		return;
	if (rv.kind == VK_BOTTOM)
		return; /* return NULL */
	sc->ret = sc->have_ret ? pl_val_join(&sc->ret, &rv) : rv;
	sc->have_ret = 1;
	/* the integer parameter (pfn) the returned page is the object of */
	int p = -1;
	for (size_t ki = 0; rv.kind == VK_OBJ && ki < st->n; ki++) {
		const struct pl_slot *sl = &fn->slots[st->e[ki].slot];
		if (sl->param_index >= 0 && !sl->is_pointer && st->e[ki].v.kind == VK_OBJ && st->e[ki].v.site == rv.site)
			p = sl->param_index;
	}
	if (!sc->ret_param_seen)
		sc->ret_param = p;
	else if (sc->ret_param != p)
		sc->ret_param = -1;
	sc->ret_param_seen = 1;
}

void transfer_event(struct pl_analysis *an, struct pl_state *st, int ev)
{
	const struct pl_fn *fn = an->fn;
	const struct pl_event *e = &fn->ev[ev];
	int vs;
	switch (e->kind) {
	case EV_CALL:
		if (an->report && an->report->call_depths) {
			struct pl_call_depths *cd = an->report->call_depths;
			for (int s = 0; s < SCOPE__COUNT; s++) {
				unsigned char d = st->depth[s] > 255 ? 255 : (unsigned char)st->depth[s];
				if (!cd->reached[ev] || d < cd->depth[ev][s])
					cd->depth[ev][s] = d;
			}
			const struct pl_call *c = &fn->calls[e->aux];
			for (int k = 0; k < PL_CONTRACT_ARGS; k++) {
				unsigned char l = 0;
				if (k < c->nargs && !clang_Cursor_isNull(c->args[k]) &&
				    !type_is_pointer(clang_getCursorType(c->args[k]))) {
					int as;
					struct pl_val a = eval_expr(fn, st, c->args[k], &as);
					/* not a reference this code owns: the callee would
					 * count the caller's reference as its own */
					if (a.kind == VK_OBJ && !(a.level == L_HELD && (a.pflags & PF_HELD)))
						l = a.level;
				}
				if (!cd->reached[ev] || l < cd->arg_level[ev][k])
					cd->arg_level[ev][k] = l;
			}
			cd->reached[ev] = 1;
		}
		transfer_call(an, st, ev);
		for (int b = 0; b < fn->calls[e->aux].nbases; b++) /* f(buf) may have refilled buf->page */
			reset_fields_of(fn, st, fn->calls[e->aux].bases[b]);
		break;
	case EV_ASSIGN: {
		struct pl_val v = eval_expr(fn, st, e->src, &vs);
		if (e->slot < 0) {
			transfer_store(an, st, ev, v);
			break;
		}
		if (fn->slots[e->slot].is_elem) {
			/* pages[i] = page: the element summary takes the page */
			if (fn->slots[e->slot].elem_of_param && v.kind == VK_OBJ) {
				escape(st, &v);
				v.pflags |= PF_ESCAPED;
				v.pflags &= (uint8_t)~PF_HELD;
			}
			if (v.kind == VK_OBJ)
				v.pflags |= PF_ARRAY;
		}
		long long c;
		if (!fn->slots[e->slot].is_pointer && !fn->slots[e->slot].is_elem && v.kind != VK_OBJ &&
		    v.kind != VK_FACT && cursor_int_constant(e->src, &c)) {
			v.cst = CST_EQ; /* flag = 1, ret = -EBUSY, mode = DROP */
			v.cval = (int32_t)c;
		}
		/* page = buf->page: the local is a caller's page of its own, as
		 * before fields were tracked (a reference taken through it is this
		 * code's; another local's put does not drop it); only the field
		 * itself carries the field's identity */
		if (v.kind == VK_CALLER && v.site >= FIELD_SITE(0) && fn->slots[e->slot].field_base < 0)
			v = pl_val_make(VK_CALLER);
		state_set(st, e->slot, v);
		break;
	}
	case EV_COPY:
		if (e->slot >= 0) {
			struct pl_val v = eval_expr(fn, st, e->src, &vs);
			/* buf->page = page: the structure holds it, so a reference
			 * taken on buf->page afterwards goes with the store */
			if (fn->slots[e->slot].field_base >= 0 && (v.kind == VK_OBJ || v.kind == VK_CALLER))
				v.stored = 1;
			state_set(st, e->slot, v);
		}
		break;
	case EV_UPDATE: {
		struct pl_val v = state_get(st, e->slot);
		v.cst = CST_NONE; /* i++ is no longer the constant it was */
		v.cval = 0;
		if (clang_getCursorKind(e->cur) == CXCursor_CompoundAssignOperator &&
		    clang_getCursorBinaryOperatorKind(e->cur) == CXBinaryOperator_OrAssign) {
			/* flags |= FOLL_LONGTERM */
			struct cursor_list kids = { 0 };
			cursor_children(e->cur, &kids);
			if (kids.n == 2) {
				struct pl_val rhs = eval_expr(fn, st, kids.v[1], &vs);
				v.pflags |= rhs.pflags & (PF_LONGTERM | PF_FOLL_PIN);
			}
			cursor_list_free(&kids);
			state_set(st, e->slot, v);
			break;
		}
		/* pfn++ is another page: only a range we allocated stays ours, and
		 * a mapped huge entry's pfn advanced to the subpage of an address
		 * (pfn += (addr & ~PUD_MASK) >> PAGE_SHIFT: follow_huge_pud()) */
		int subpage = 0;
		if (v.kind == VK_OBJ && v.level == L_PTL && clang_getCursorKind(e->cur) == CXCursor_CompoundAssignOperator &&
		    clang_getCursorBinaryOperatorKind(e->cur) == CXBinaryOperator_AddAssign) {
			CXCursor l, r;
			subpage = cursor_two_operands(e->cur, &l, &r) && is_in_block_offset(r);
		}
		if (!fn->slots[e->slot].is_pointer && !subpage &&
		    !(v.kind == VK_CALLER || (v.kind == VK_OBJ && v.level == L_HELD && v.hold == HOLD_OWNED)))
			v = pl_val_make(VK_NONE);
		state_set(st, e->slot, v);
		break;
	}
	case EV_RESET:
		state_set(st, e->slot, slot_default(fn, e->slot));
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
		report_use(an, st, ev, e->src, what, NULL);
		free(owned);
		break;
	}
	case EV_RETURN: {
		if (an->report && an->report->collect)
			collect_return(fn, st, e, an->report->collect); /* before the value escapes */
		if (!clang_Cursor_isNull(e->src)) {
			struct pl_val v = eval_expr(fn, st, e->src, &vs);
			escape(st, &v);
			int es = elem_slot_of(fn, e->src); /* return pages: the pages go too */
			if (es >= 0) {
				struct pl_val w = state_get(st, es);
				escape(st, &w);
				struct pl_val *ew = state_at(st, es);
				ew->pflags |= PF_ESCAPED;
				ew->pflags &= (uint8_t)~PF_HELD;
			}
		}
		if (an->report && !an->report->collect) {
			struct pl_return r = { fn, st, ev };
			checks_on_return(an->report, &r);
		}
		break;
	}
	}
	/* buf = next: what buf->page held is not known any more */
	if ((e->kind == EV_ASSIGN || e->kind == EV_COPY || e->kind == EV_UPDATE) && e->slot >= 0 && fn->nfield_slots)
		reset_fields_of(fn, st, e->slot);
}
