#include "analyse.h"
#include "analysis.h"
#include "rule_text.h"
#include "summary.h"

#include <stdlib.h>
#include <string.h>

struct visit_ctx {
	const struct pl_engine_cfg *cfg;
	struct tu_result *res;
	struct pl_checks_run run;
	struct pl_summaries summaries;
	struct pl_callee_rules callees;
};

static enum CXChildVisitResult visit_top(CXCursor c, CXCursor parent, CXClientData data)
{
	(void)parent;
	struct visit_ctx *v = data;
	enum CXCursorKind k = clang_getCursorKind(c);
	if (k == CXCursor_LinkageSpec)
		return CXChildVisit_Recurse;
	if (k != CXCursor_FunctionDecl || !clang_isCursorDefinition(c))
		return CXChildVisit_Continue;
	if (!clang_Location_isFromMainFile(clang_getCursorLocation(c)))
		return CXChildVisit_Continue;
	struct pl_fn fn;
	if (cfg_build(&fn, v->summaries.tu, c, v->cfg->rules, &v->callees) == 0) {
		v->res->functions++;
		if (v->cfg->dump_cfg) {
			char *buf = NULL;
			size_t len = 0;
			FILE *m = open_memstream(&buf, &len);
			if (m) {
				cfg_dump(&fn, m);
				fclose(m);
				sb_add(&v->res->dump, buf);
				free(buf);
			}
		}
		/* Without a call that can produce a tracked page, no state can be
		 * unsafe: skip the fixpoint (most kernel functions). */
		if (fn.creates_objects) {
			v->run.fn = &fn;
			int how = analyse_function(&fn, &v->run, v->cfg->fn_memory);
			if (how & PL_NOT_CONVERGED)
				v->res->unconverged++;
			if (how & PL_ONE_PATH)
				v->res->one_path++;
			if (how & PL_COARSE)
				v->res->coarse++;
			if (how & PL_SKIPPED)
				v->res->skipped++;
		}
	}
	cfg_free(&fn);
	return CXChildVisit_Continue;
}

void analyse_parsed_tu(const struct pl_engine_cfg *cfg, CXTranslationUnit tu, const unsigned char *present,
		       struct tu_result *res)
{
	memset(res, 0, sizeof(*res));
	struct visit_ctx v = { cfg, res, { 0 }, { 0 }, { 0 } };
	v.summaries.tu = tu;
	v.summaries.rules = cfg->rules;
	v.summaries.fn_memory = cfg->fn_memory;
	v.summaries.api_present = present;
	v.summaries.external = cfg->external;
	v.callees = summaries_as_callee_rules(&v.summaries);
	v.run.policy = cfg->policy;
	v.run.enabled = cfg->enabled;
	v.run.out = &res->findings;
	clang_visitChildren(clang_getTranslationUnitCursor(tu), visit_top, &v);
	summaries_free(&v.summaries);
	findings_finish(&res->findings);
}

void tu_result_free(struct tu_result *res)
{
	findings_free(&res->findings);
	sb_free(&res->dump);
	memset(res, 0, sizeof(*res));
}

struct summarise_ctx {
	struct pl_summaries *summaries;
	struct tu_summary *v;
	size_t n, cap;
};

static enum CXChildVisitResult visit_summarise(CXCursor c, CXCursor parent, CXClientData data)
{
	(void)parent;
	struct summarise_ctx *x = data;
	enum CXCursorKind k = clang_getCursorKind(c);
	if (k == CXCursor_LinkageSpec)
		return CXChildVisit_Recurse;
	/* only what other TUs can call: non-static definitions of the main file */
	if (k != CXCursor_FunctionDecl || !clang_isCursorDefinition(c) ||
	    clang_Cursor_getStorageClass(c) == CX_SC_Static ||
	    !clang_Location_isFromMainFile(clang_getCursorLocation(c)))
		return CXChildVisit_Continue;
	const struct rule *r = summary_lookup(x->summaries, c);
	if (!r)
		return CXChildVisit_Continue;
	struct strbuf sb = { 0 };
	rule_text_encode(r, &sb);
	struct tu_summary t = { xstrdup(r->name), sb_take(&sb) };
	VEC_PUSH(x->v, x->n, x->cap, t);
	return CXChildVisit_Continue;
}

void summarise_parsed_tu(const struct pl_engine_cfg *cfg, CXTranslationUnit tu, const unsigned char *present,
			 struct tu_summary **out, size_t *nout)
{
	struct pl_summaries sums = { 0 };
	sums.tu = tu;
	sums.rules = cfg->rules;
	sums.fn_memory = cfg->fn_memory;
	sums.api_present = present;
	struct summarise_ctx x = { &sums, NULL, 0, 0 };
	clang_visitChildren(clang_getTranslationUnitCursor(tu), visit_summarise, &x);
	summaries_free(&sums);
	*out = x.v;
	*nout = x.n;
}
