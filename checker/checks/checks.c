/* The table of checks and what they share. */
#include "checks.h"
#include "caller_contracts.h"

#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>

extern const struct pl_check check_unguarded_deref;
extern const struct pl_check check_rcu_escape;
extern const struct pl_check check_pin_mismatch;
extern const struct pl_check check_use_after_put;
extern const struct pl_check check_ref_leak;
extern const struct pl_check check_zone_device_unref;
extern const struct pl_check check_longterm_movable;
extern const struct pl_check check_netmem_mm;

const struct pl_check *const pl_all_checks[] = {
	&check_unguarded_deref,
	&check_rcu_escape,
	&check_pin_mismatch,
	&check_use_after_put,
	&check_ref_leak,
	&check_zone_device_unref,
	&check_longterm_movable,
	&check_netmem_mm,
};
const size_t pl_num_checks = sizeof(pl_all_checks) / sizeof(pl_all_checks[0]);

int checks_select(const char *spec, unsigned char *enabled, char *err, size_t errlen)
{
	char *copy = xstrdup(spec);
	int ret = 0;
	for (char *save = NULL, *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		while (*tok == ' ')
			tok++;
		int on = 1;
		if (*tok == '-') {
			on = 0;
			tok++;
		} else if (*tok == '+') {
			tok++;
		}
		if (!*tok)
			continue;
		int matched = 0;
		for (size_t i = 0; i < pl_num_checks; i++)
			if (fnmatch(tok, pl_all_checks[i]->id, 0) == 0) {
				enabled[i] = (unsigned char)on;
				matched = 1;
			}
		if (!matched) {
			snprintf(err, errlen, "--checks: '%s' matches no check (see --list-checks)", tok);
			ret = -1;
			break;
		}
	}
	free(copy);
	int any = 0;
	for (size_t i = 0; i < pl_num_checks; i++)
		any |= enabled[i];
	if (!ret && !any) {
		snprintf(err, errlen, "--checks='%s' enables no check (see --list-checks)", spec);
		ret = -1;
	}
	return ret;
}

#define DISPATCH(hook, arg)                                                              \
	for (size_t i = 0; !run->collect && !run->call_depths && i < pl_num_checks; i++) \
		if (run->enabled[i] && pl_all_checks[i]->hook)                           \
			pl_all_checks[i]->hook(run, arg)

void checks_on_use(struct pl_checks_run *run, const struct pl_use *u)
{
	DISPATCH(on_use, u);
}

void checks_on_release(struct pl_checks_run *run, const struct pl_release *r)
{
	DISPATCH(on_release, r);
}

void checks_on_store(struct pl_checks_run *run, const struct pl_store *s)
{
	DISPATCH(on_store, s);
}

void checks_on_return(struct pl_checks_run *run, const struct pl_return *r)
{
	DISPATCH(on_return, r);
}

void note_caller_contract(const struct pl_fn *fn, struct pl_finding *f, int end_ev)
{
	if (end_ev < 0 || !fn->entry_callers || fn->ev[end_ev].kind != EV_CALL || f->nnotes == PL_MAX_NOTES)
		return;
	const struct rule *ru = fn->calls[fn->ev[end_ev].aux].rule;
	const char *what = ru && ru->exit ? caller_contract_scope_text(ru->exit) : NULL;
	if (!what || !fn->entry_depth[ru->exit])
		return;
	f->notes[f->nnotes].loc = cursor_loc(fn->decl);
	f->notes[f->nnotes].text = xasprintf("%s() runs under %s: every caller in this file holds it (%s)", fn->name,
					     what, fn->entry_callers);
	f->nnotes++;
}

const char *event_callee(const struct pl_fn *fn, int ev)
{
	if (ev < 0 || fn->ev[ev].kind != EV_CALL || !fn->calls[fn->ev[ev].aux].name[0])
		return "a call"; /* "after a call() dropped": better than "after ()" */
	return fn->calls[fn->ev[ev].aux].name;
}

/* Follow casts, pointer arithmetic and "same page" calls down to what the
 * reader wrote: a variable or the call that produced the page. */
char *use_subject(const struct pl_fn *fn, CXCursor e)
{
	for (int guard = 0; guard < 64; guard++) {
		int ci = cursor_map_get(&fn->callmap, e);
		if (ci >= 0) {
			const struct pl_call *c = &fn->calls[ci];
			if (c->rule && (c->rule->result == RES_SAME || c->rule->result == RES_ARG) &&
			    c->rule->result_arg < c->nargs && !clang_Cursor_isNull(c->args[c->rule->result_arg])) {
				e = c->args[c->rule->result_arg];
				continue;
			}
			struct strbuf sb = { 0 };
			sb_addf(&sb, "%s()", c->name);
			return sb_take(&sb);
		}
		enum CXCursorKind k = clang_getCursorKind(e);
		CXCursor inner = cursor_strip_one(e);
		if (!clang_equalCursors(inner, e)) {
			e = inner;
			continue;
		}
		if (k == CXCursor_DeclRefExpr) {
			CXString s = clang_getCursorSpelling(e);
			char *n = xstrdup(clang_getCString(s));
			clang_disposeString(s);
			return n;
		}
		int fs = cursor_map_get(&fn->fieldrefs, e);
		if (fs >= 0 && fn->slots[fs].name)
			return xstrdup(fn->slots[fs].name); /* buf->page */
		if (k == CXCursor_BinaryOperator) {
			enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(e);
			struct cursor_list kids = { 0 };
			cursor_children(e, &kids);
			CXCursor next = clang_getNullCursor();
			if (kids.n == 2 && (op == CXBinaryOperator_Add || op == CXBinaryOperator_Sub))
				next = type_is_pointer(clang_getCursorType(kids.v[1])) && op == CXBinaryOperator_Add ? kids.v[1]
														   : kids.v[0];
			else if (kids.n == 2 && (op == CXBinaryOperator_Assign || op == CXBinaryOperator_Comma))
				next = kids.v[op == CXBinaryOperator_Assign ? 0 : 1];
			cursor_list_free(&kids);
			if (!clang_Cursor_isNull(next)) {
				e = next;
				continue;
			}
		}
		if (k == CXCursor_ArraySubscriptExpr ||
		    (k == CXCursor_UnaryOperator && clang_getCursorUnaryOperatorKind(e) == CXUnaryOperator_Deref)) {
			/* pages[i], *pages: the array */
			struct cursor_list kids = { 0 };
			cursor_children(e, &kids);
			CXCursor next = kids.n ? kids.v[0] : clang_getNullCursor();
			cursor_list_free(&kids);
			if (!clang_Cursor_isNull(next) && type_is_page_array(clang_getCursorType(cursor_strip(next)))) {
				e = next;
				continue;
			}
		}
		if (k == CXCursor_UnaryOperator && clang_getCursorUnaryOperatorKind(e) == CXUnaryOperator_AddrOf) {
			struct cursor_list kids = { 0 };
			cursor_children(e, &kids);
			CXCursor next = kids.n ? cursor_strip(kids.v[0]) : clang_getNullCursor();
			cursor_list_free(&kids);
			enum CXCursorKind nk = clang_getCursorKind(next);
			if (nk == CXCursor_MemberRefExpr || nk == CXCursor_ArraySubscriptExpr) {
				struct cursor_list k2 = { 0 };
				cursor_children(next, &k2);
				next = k2.n ? k2.v[0] : clang_getNullCursor();
				cursor_list_free(&k2);
			}
			if (!clang_Cursor_isNull(next)) {
				e = next;
				continue;
			}
		}
		break;
	}
	return xstrdup("the page");
}

struct pl_finding finding_at_event(const struct pl_fn *fn, int ev, int site, const char *check, char *message)
{
	struct pl_finding f;
	memset(&f, 0, sizeof(f));
	f.check = check;
	f.loc = event_loc(fn, ev);
	f.message = message;
	f.fn_name = xstrdup(fn->name);
	f.site = site;
	return f;
}

struct pl_finding finding_at(const struct pl_use *u, const char *check, char *message)
{
	return finding_at_event(u->fn, u->ev, u->val.site, check, message);
}

void finding_note(const struct pl_fn *fn, struct pl_finding *f, int ev, char *text)
{
	if (ev < 0 || f->nnotes == PL_MAX_NOTES) {
		free(text);
		return;
	}
	f->notes[f->nnotes].loc = event_loc(fn, ev);
	f->notes[f->nnotes].text = text;
	f->nnotes++;
}
