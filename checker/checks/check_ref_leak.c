/* page-ref-leak: a reference, pin or allocation taken in this function that
 * is neither released, stored, returned nor handed over on some path: the
 * error paths of GUP ladders, lookups and speculative references. */
#include "checks.h"
#include "collect.h"

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

/* The file offsets of a cursor's extent. */
static void extent_offsets(CXCursor c, unsigned *b, unsigned *e)
{
	CXSourceRange r = clang_getCursorExtent(c);
	clang_getFileLocation(clang_getRangeStart(r), NULL, NULL, NULL, b);
	clang_getFileLocation(clang_getRangeEnd(r), NULL, NULL, NULL, e);
}

/* Is the object passed to a call (other than a pure conversion) written
 * between its acquisition and this return? Then the status reports what
 * that call did (splice: "one buffer filled"), not the reference. */
static int handed_on_after(const struct pl_fn *fn, const struct pl_return *r, const struct pl_val *v)
{
	const struct pl_event *acq = &fn->ev[v->acquire_ev];
	if (clang_Cursor_isNull(acq->src))
		return 1;
	unsigned ab, ae, rb, re;
	extent_offsets(acq->src, &ab, &ae);
	extent_offsets(fn->ev[r->ev].src, &rb, &re);
	for (size_t i = 0; i < fn->nev; i++) {
		const struct pl_event *e = &fn->ev[i];
		if (e->kind != EV_CALL || (int)i == v->acquire_ev || clang_Cursor_isNull(e->src))
			continue;
		unsigned cb, ce;
		extent_offsets(e->src, &cb, &ce);
		if (cb <= ae || cb >= rb)
			continue;
		const struct pl_call *c = &fn->calls[e->aux];
		const struct rule *ru = c->rule;
		/* a helper of this file (a summary) may keep the page in ways its
		 * summary leaves out (store, then get: into_pipe()) */
		if (ru && strncmp(ru->file, "<summary", 8) && ru->release_arg < 0 && ru->guard_level == L_NONE && !ru->transfer_mask && ru->gup_pages < 0 &&
		    ru->result != RES_NEW)
			continue; /* reads and conversions: compound_head(page), PageLRU(page) */
		for (int a = 0; a < c->nargs; a++) {
			if (clang_Cursor_isNull(c->args[a]))
				continue;
			int vs;
			struct pl_val av = eval_expr(fn, r->st, c->args[a], &vs);
			if ((av.kind == VK_OBJ || av.kind == VK_CALLER) && av.site == v->site)
				return 1;
		}
	}
	return 0;
}

/* A try-get helper's success: the reference was taken on the caller's page
 * (a parameter names the object) and this return tells the caller so with
 * a positive status -- a constant ("return 1;", "return true;") or the
 * acquisition's own result ("return get_page_unless_zero(page) ? 1 : 0;").
 * The caller holds the reference when it sees the status (hwpoison's
 * __get_hwpoison_page()); 0 or an errno would say it holds none. */
static int status_hands_over(const struct pl_fn *fn, const struct pl_return *r, const struct pl_val *v)
{
	/* the parameter's identity (a copy or its head: head = compound_head(page)) */
	int callers = caller_site_param(v->site) >= 0;
	for (size_t k = 0; k < r->st->n && !callers; k++) {
		const struct pl_slot *sl = &fn->slots[r->st->e[k].slot];
		const struct pl_val *pv = &r->st->e[k].v;
		callers = sl->is_param && sl->is_pointer && pv->kind == VK_OBJ && pv->site == v->site;
	}
	CXCursor src = fn->ev[r->ev].src;
	if (!callers || clang_Cursor_isNull(src) || handed_on_after(fn, r, v))
		return 0;
	long long c;
	if (cursor_int_constant(src, &c))
		return c > 0;
	const struct pl_event *acq = &fn->ev[v->acquire_ev];
	if (!clang_Cursor_isNull(acq->src)) {
		unsigned rb, re, ab, ae;
		extent_offsets(src, &rb, &re);
		extent_offsets(acq->src, &ab, &ae);
		if (ab >= rb && ae <= re)
			return 1;
	}
	int vs;
	struct pl_val rv = eval_expr(fn, r->st, src, &vs);
	return rv.kind != VK_OBJ && rv.kind != VK_FACT && rv.cst == CST_EQ && rv.cval > 0;
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
		if (dup || on_callers_page(fn, r->st, v->site) || status_hands_over(fn, r, v))
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
