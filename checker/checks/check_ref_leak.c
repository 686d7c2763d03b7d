/* page-ref-leak: a reference, pin or allocation taken in this function that
 * is neither released, stored, returned nor handed over on some path: the
 * error paths of GUP ladders, lookups and speculative references. */
#include "checks.h"

#include <stdlib.h>
#include <string.h>

/* The variable that names the object, for messages. */
static const char *object_name(const struct pl_fn *fn, const struct pl_state *st, int site)
{
	const char *best = NULL;
	int best_ptr = 0;
	for (size_t k = 0; k < st->n; k++) { /* slot order, as every slot was visited */
		size_t i = (size_t)st->e[k].slot;
		if (st->e[k].v.kind != VK_OBJ || st->e[k].v.site != site || !fn->slots[i].name)
			continue;
		/* the array, else a page pointer, else anything named */
		if (!best || fn->slots[i].is_elem || (fn->slots[i].is_pointer && !best_ptr)) {
			best = fn->slots[i].name;
			best_ptr = fn->slots[i].is_pointer;
		}
	}
	return best;
}

/* get_page() on a page the caller passed, held on every return: a "get"
 * helper that hands the reference to its caller, as its summary says. */
static int on_callers_page(const struct pl_fn *fn, const struct pl_state *st, int site)
{
	int p = -1;
	for (size_t k = 0; k < st->n; k++) {
		const struct pl_slot *sl = &fn->slots[st->e[k].slot];
		const struct pl_val *v = &st->e[k].v;
		if (sl->is_param && sl->is_pointer && v->kind == VK_OBJ && v->site == site && v->origin_ev < 0)
			p = sl->param_index;
	}
	if (p < 0 || !fn->callees)
		return 0;
	const struct rule *self = fn->callees->lookup(fn->callees->ctx, fn->decl);
	return self && self->guard_level == L_HELD && self->guard_when == WHEN_ALWAYS && self->guard_arg == p;
}

/* A return the caller reads as a failure: a negative errno (a constant, or a
 * variable that holds one on this path) or an ERR_PTR(). */
static int error_return(const struct pl_fn *fn, const struct pl_state *st, int ev)
{
	CXCursor src = fn->ev[ev].src;
	if (clang_Cursor_isNull(src))
		return 0;
	long long c;
	if (cursor_int_constant(src, &c))
		return c < 0;
	int ci = cursor_map_get(&fn->callmap, cursor_strip(src));
	if (ci >= 0 && (!strcmp(fn->calls[ci].name, "ERR_PTR") || !strcmp(fn->calls[ci].name, "ERR_CAST")))
		return 1;
	int vs;
	struct pl_val v = eval_expr(fn, st, src, &vs);
	return v.kind != VK_OBJ && v.kind != VK_FACT && v.cst == CST_EQ && v.cval < 0;
}

/* Pages GUP put into the caller's array and an error return: the caller
 * takes the error for "nothing to release" and cannot know how many. */
static void left_in_callers_array(struct pl_checks_run *run, const struct pl_return *r)
{
	const struct pl_fn *fn = r->fn;
	for (size_t k = 0; k < r->st->n; k++) {
		size_t i = (size_t)r->st->e[k].slot;
		const struct pl_val *v = &r->st->e[k].v;
		if (!fn->slots[i].elem_of_param || !fn->slots[i].name || v->kind != VK_OBJ || !v->owed_caller ||
		    v->acquire_ev < 0 || !error_return(fn, r->st, r->ev))
			continue;
		int pin = v->hold == HOLD_PIN;
		char *msg = xasprintf("pages %s into the caller's array '%s' by %s() are left there on this error "
				      "return; the caller cannot know how many to release",
				      pin ? "pinned" : "referenced", fn->slots[i].name, event_callee(fn, v->acquire_ev));
		struct pl_finding f = finding_at_event(fn, r->ev, v->site, "page-ref-leak", msg);
		finding_note(fn, &f, v->acquire_ev, xstrdup(pin ? "pinned here" : "reference taken here"));
		findings_add(run->out, &f);
	}
}

static void on_return(struct pl_checks_run *run, const struct pl_return *r)
{
	left_in_callers_array(run, r);

	const struct pl_fn *fn = r->fn;
	int *seen = xcalloc(r->st->n ? r->st->n : 1, sizeof(int));
	size_t nseen = 0;
	for (size_t k = 0; k < r->st->n; k++) {
		size_t i = (size_t)r->st->e[k].slot;
		const struct pl_val *v = &r->st->e[k].v;
		/* only what a variable still names: temporaries of calls that were
		 * assigned, tested or dropped carry stale copies */
		if (!fn->slots[i].name)
			continue;
		if (v->kind != VK_OBJ || !(v->pflags & PF_HELD) || v->acquire_ev < 0 || v->hold == HOLD_NONE)
			continue;
		int dup = 0;
		for (size_t j = 0; j < nseen && !dup; j++)
			dup = seen[j] == v->site;
		if (dup || on_callers_page(fn, r->st, v->site))
			continue;
		seen[nseen++] = v->site;
		const char *name = object_name(fn, r->st, v->site);
		const char *callee = event_callee(fn, v->acquire_ev);
		char *msg;
		const char *note;
		if (v->pflags & PF_ARRAY) {
			msg = xasprintf("pages %s into '%s' by %s() are not released on this path",
					v->hold == HOLD_PIN ? "pinned" : "referenced", name ? name : "the array", callee);
			note = v->hold == HOLD_PIN ? "pinned here" : "reference taken here";
		} else if (v->hold == HOLD_PIN) {
			msg = xasprintf("pin on '%s' taken by %s() is not released on this path", name ? name : "the page",
					callee);
			note = "pinned here";
		} else if (v->hold == HOLD_OWNED) {
			msg = name ? xasprintf("page '%s' allocated by %s() is not freed on this path", name, callee)
				   : xasprintf("page allocated by %s() is not freed on this path", callee);
			note = "allocated here";
		} else {
			msg = xasprintf("reference to '%s' taken by %s() is not released on this path",
					name ? name : "the page", callee);
			note = "reference taken here";
		}
		struct pl_finding f = finding_at_event(fn, r->ev, v->site, "page-ref-leak", msg);
		finding_note(fn, &f, v->acquire_ev, xstrdup(note));
		findings_add(run->out, &f);
	}
	free(seen);
}

const struct pl_check check_ref_leak = {
	.id = "page-ref-leak",
	.summary = "a reference or pin taken here is neither released, stored, returned nor handed over on some path",
	.on_return = on_return,
};
