/* Computing summaries: lower the helper, run the dataflow with its page
 * parameters marked, and turn what happened to them into a rule. */
#include "summary.h"
#include "analysis.h"
#include "collect.h"
#include "cfg.h"
#include "observer.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

static int lowest_bit(unsigned m)
{
	for (int i = 0; i < 32; i++)
		if (m & (1u << i))
			return i;
	return -1;
}

/* Only functions that take or return pages can matter. */
static int page_signature(CXCursor def)
{
	if (type_is_page_pointer(clang_getResultType(clang_getCursorType(def))))
		return 1;
	int n = clang_Cursor_getNumArguments(def);
	for (int i = 0; i < n; i++) {
		CXType t = clang_getCursorType(clang_Cursor_getArgument(def, (unsigned)i));
		if (type_is_page_pointer(t) || type_is_page_array(t))
			return 1;
	}
	return 0;
}

static int ret_is(const struct summary_return *r, long long c)
{
	struct pl_val v = pl_val_make(VK_NONE);
	v.cst = r->ret_cst;
	v.cval = r->ret_cval;
	return pl_val_const_is(&v, c);
}

static int known_nonzero(const struct summary_return *r)
{
	return ret_is(r, 0) == 0;
}

/* Page parameter p is dropped exactly on the paths that return non-zero. */
static int released_if_nonzero(const struct summary_collect *sc, int p)
{
	int any = 0;
	for (unsigned i = 0; i < sc->nrec; i++) {
		const struct summary_return *r = &sc->rec[i];
		if ((r->released >> p) & 1) {
			if (!known_nonzero(r))
				return 0;
			any = 1;
		} else if ((r->cond_released >> p) & 1) {
			any = 1;
		} else if (ret_is(r, 0) != 1) {
			return 0;
		}
	}
	return any;
}

/* Does path r know integer parameter k to be c (1), not c (0), or not know (-1)? */
static int arg_is(const struct summary_return *r, int k, int32_t c)
{
	struct pl_val v = pl_val_make(VK_NONE);
	v.cst = r->arg_cst[k];
	v.cval = r->arg_cval[k];
	return pl_val_const_is(&v, c);
}

/* Page parameter p is dropped exactly when integer parameter k is (or is
 * not) one constant: folio_wait_bit_common(..., DROP). */
static int released_if_arg(const struct summary_collect *sc, int p, struct rule *out)
{
	for (int k = 0; k < SUMMARY_INT_PARAMS; k++) {
		for (int want = 1; want >= 0; want--) {
			/* the constant: from a path that knows k exactly */
			int found = 0;
			int32_t c = 0;
			for (unsigned i = 0; i < sc->nrec && !found; i++) {
				const struct summary_return *r = &sc->rec[i];
				int rel = (r->released >> p) & 1;
				if (r->arg_cst[k] == CST_EQ && rel == want) {
					c = r->arg_cval[k];
					found = 1;
				}
			}
			if (!found)
				continue;
			int ok = 1, any = 0;
			for (unsigned i = 0; i < sc->nrec && ok; i++) {
				const struct summary_return *r = &sc->rec[i];
				int rel = (r->released >> p) & 1, is = arg_is(r, k, c);
				ok = is >= 0 && (rel == (is == want));
				any |= rel;
			}
			if (ok && any) {
				out->release_if = want ? RELIF_ARG_IS : RELIF_ARG_IS_NOT;
				out->release_if_arg = k;
				out->release_if_value = c;
				return 1;
			}
		}
	}
	return 0;
}

/* Does every path fit the convention: filled pages on the paths the
 * result says, none on the others? */
static int gup_fits(const struct summary_collect *sc, unsigned bit, enum rule_gup_result how)
{
	for (unsigned i = 0; i < sc->nrec; i++) {
		const struct summary_return *r = &sc->rec[i];
		int filled = (r->gupped & bit) != 0, zero = ret_is(r, 0);
		int ok;
		if (how == GUP_RESULT_NONE)
			ok = filled;
		else if (how == GUP_RESULT_ERRNO)
			ok = filled ? zero == 1 : zero == 0;
		else /* the count, passed on or a constant */
			ok = r->ret_gup || (filled ? zero == 0 : zero == 1);
		if (!ok)
			return 0;
	}
	return 1;
}

/* A helper that fills its caller's page array with GUP: a gup rule whose
 * result says when the pages are there (int grab(addr, struct page **pp)).
 * Returns the parameter's bit, 0 if none. */
static unsigned gup_summary(const struct summary_collect *sc, struct rule *r)
{
	if (!sc->gupped || !sc->nrec || sc->rec_overflow)
		return 0;
	int p = lowest_bit(sc->gupped);
	unsigned bit = 1u << p;
	int passes_count = 0; /* return pin_user_pages_fast(...) */
	for (unsigned i = 0; i < sc->nrec; i++)
		passes_count |= sc->rec[i].ret_gup;
	enum rule_gup_result order[] = { GUP_RESULT_NONE, GUP_RESULT_ERRNO, GUP_RESULT_COUNT };
	if (passes_count) {
		order[0] = GUP_RESULT_COUNT;
		order[2] = GUP_RESULT_NONE;
	}
	for (size_t i = 0; i < sizeof(order) / sizeof(order[0]); i++) {
		if (!gup_fits(sc, bit, order[i]))
			continue;
		r->gup_pages = p;
		r->gup_hold = sc->gup_hold;
		r->gup_longterm = !sc->gup_movable;
		r->gup_result = order[i];
		return bit;
	}
	return 0;
}

static struct rule *rule_from(const char *name, const struct summary_collect *sc)
{
	struct rule r;
	memset(&r, 0, sizeof(r));
	r.err_arg = r.guard_arg = r.release_arg = r.netiov_test_arg = r.release_if_arg = -1;
	r.gup_pages = r.gup_flags = r.gup_nr = -1;
	r.file = "<summary>";
	int any = 0;

	for (int i = 0; i < 32 && r.nuses < RULE_MAX_USES; i++)
		if (sc->used & (1u << i))
			r.uses[r.nuses++] = i;
	any |= r.nuses > 0;
	/* a release on every path (a conditional put inside a helper says
	 * nothing certain to its callers); release loops over arrays count */
	unsigned released = (sc->returns ? sc->released_all : 0) | (sc->returns == 1 ? sc->released_array : 0);
	if (released) {
		r.release_arg = lowest_bit(released);
		r.release_kind = sc->release_kind;
		r.release_array = (sc->released_array >> r.release_arg) & 1;
		any = 1;
	}
	if (!released && sc->nrec && !sc->rec_overflow) {
		/* a put on some paths only: a release if those paths are told
		 * apart by the result or by a mode argument */
		unsigned some = 0;
		for (unsigned i = 0; i < sc->nrec; i++)
			some |= sc->rec[i].released | sc->rec[i].cond_released;
		for (int p = 0; p < 32 && !released; p++) {
			if (!((some >> p) & 1))
				continue;
			if (released_if_nonzero(sc, p))
				r.release_if = RELIF_RESULT_NONZERO;
			else if (!released_if_arg(sc, p, &r))
				continue;
			released = 1u << p;
			r.release_arg = p;
			r.release_kind = sc->release_kind ? sc->release_kind : REL_REF;
			any = 1;
		}
	}
	unsigned gup = gup_summary(sc, &r);
	any |= gup != 0;
	r.transfer_mask = sc->escaped & ~released & ~gup;
	any |= r.transfer_mask != 0;
	unsigned acq = sc->returns ? sc->acquired_all & ~sc->released & ~sc->escaped : 0;
	if (acq) {
		r.guard_level = L_HELD;
		r.guard_arg = lowest_bit(acq);
		r.guard_when = WHEN_ALWAYS;
		r.acquire_hold = HOLD_REF;
		any = 1;
	}
	if (sc->have_ret && sc->ret.kind == VK_OBJ) {
		const struct pl_val *v = &sc->ret;
		int p = v->site - PARAM_SITE(0);
		if (p >= 0 && p < 32) {
			r.result = RES_SAME;
			r.result_arg = p;
			/* returned only after the helper took a reference on it (the
			 * other paths return NULL): the caller holds the result */
			if (v->level == L_HELD && (v->pflags & PF_HELD) && v->refs > 1 && r.guard_arg < 0 &&
			    !(((sc->released | sc->escaped) >> p) & 1)) {
				r.guard_level = L_HELD;
				r.guard_arg = p;
				r.guard_when = WHEN_ALWAYS;
				r.acquire_hold = v->hold ? v->hold : HOLD_REF;
			}
		} else if (v->pflags & PF_HELD) {
			r.result = RES_NEW; /* a reference the caller now owns */
			r.result_level = L_HELD;
			r.acquire_hold = v->hold ? v->hold : HOLD_REF;
			r.movable = (v->pflags & PF_MOVABLE) != 0;
		} else if (sc->ret_param >= 0) {
			r.result = RES_SOURCE;
			r.result_arg = sc->ret_param;
			if (v->level > L_ARBITRARY && v->level != L_HELD && v->level != L_RELEASED)
				r.result_level = (enum pl_level)v->level;
		} else if (v->level != L_HELD && v->level != L_RELEASED) {
			/* an arbitrary page found by the helper (a page it dropped its own
			 * reference on, readahead_folio(), is kept alive by others) */
			r.result = RES_NEW;
			r.result_level = v->level;
		}
		any |= r.result != RES_UNKNOWN;
	}
	if (!any)
		return NULL;
	r.name = xstrdup(name);
	struct rule *out = xmalloc(sizeof(*out));
	*out = r;
	return out;
}

static struct summary_entry *find(struct pl_summaries *s, const char *name)
{
	for (size_t i = 0; i < s->n; i++)
		if (!strcmp(s->v[i].name, name))
			return &s->v[i];
	return NULL;
}

const struct rule *summary_lookup(struct pl_summaries *s, CXCursor callee)
{
	if (clang_getCursorKind(callee) != CXCursor_FunctionDecl)
		return NULL;
	CXString ns = clang_getCursorSpelling(callee);
	char *name = xstrdup(clang_getCString(ns));
	clang_disposeString(ns);
	if (s->external && clang_Cursor_isNull(clang_getCursorDefinition(callee))) {
		/* defined in another TU: its summary from the summary pass */
		const struct rule *r = rules_lookup(s->external, name);
		free(name);
		return r;
	}
	struct summary_entry *e = find(s, name);
	if (e) {
		free(name);
		return e->done ? e->rule : NULL; /* in progress: recursion */
	}
	CXCursor def = clang_getCursorDefinition(callee);
	if (clang_Cursor_isNull(def) || !page_signature(def) || s->depth >= SUMMARY_MAX_DEPTH) {
		if (s->depth < SUMMARY_MAX_DEPTH) { /* too deep: maybe later from higher up */
			struct summary_entry ne = { name, NULL, 1 };
			VEC_PUSH(s->v, s->n, s->cap, ne);
		} else {
			free(name);
		}
		return NULL;
	}
	struct summary_entry ne = { name, NULL, 0 };
	VEC_PUSH(s->v, s->n, s->cap, ne);
	size_t idx = s->n - 1;

	s->depth++;
	struct pl_fn fn;
	struct rule *rule = NULL;
	struct pl_callee_rules callees = summaries_as_callee_rules(s);
	if (cfg_build(&fn, s->tu, def, s->rules, &callees) == 0) {
		struct summary_collect sc;
		memset(&sc, 0, sizeof(sc));
		sc.ret_param = -1;
		struct pl_checks_run run = { POLICY_MAINLINE, NULL, &fn, NULL, &sc, NULL }; /* no check reports */
		analyse_function(&fn, &run, s->fn_memory);
		rule = rule_from(s->v[idx].name, &sc);
		s->computed++;
	}
	cfg_free(&fn);
	s->depth--;
	s->v[idx].rule = rule; /* s->v may have moved while recursing */
	s->v[idx].done = 1;
	return rule;
}

void summaries_free(struct pl_summaries *s)
{
	for (size_t i = 0; i < s->n; i++) {
		if (s->v[i].rule) {
			free(s->v[i].rule->name);
			free(s->v[i].rule);
		}
		free(s->v[i].name);
	}
	free(s->v);
	memset(s, 0, sizeof(*s));
}

static const struct rule *lookup_cb(void *ctx, CXCursor callee)
{
	return summary_lookup(ctx, callee);
}

struct pl_callee_rules summaries_as_callee_rules(struct pl_summaries *s)
{
	struct pl_callee_rules r = { lookup_cb, s, s->api_present };
	return r;
}
