#include "analyse.h"
#include "analysis.h"
#include "rule_text.h"
#include "summary.h"
#include "call_graph.h"
#include "caller_contracts.h"

#include <stdlib.h>
#include <string.h>

struct visit_ctx {
	const struct pl_engine_cfg *cfg;
	struct tu_result *res;
	struct pl_checks_run run;
	struct pl_summaries summaries;
	struct pl_callee_rules callees;
	CXCursor *defs;           /* the main file's function definitions, in order */
	size_t ndefs, defs_cap;
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
	VEC_PUSH(v->defs, v->ndefs, v->defs_cap, c);
	return CXChildVisit_Continue;
}

static void dump_fn(struct visit_ctx *v, const struct pl_fn *fn)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);
	if (m) {
		cfg_dump(fn, m);
		fclose(m);
		sb_add(&v->res->dump, buf);
		free(buf);
	}
}

static void analyse_fn(struct visit_ctx *v, struct pl_fn *fn)
{
	v->run.fn = fn;
	int how = analyse_function(fn, &v->run, v->cfg->fn_memory);
	if (how & PL_NOT_CONVERGED)
		v->res->unconverged++;
	if (how & PL_ONE_PATH)
		v->res->one_path++;
	if (how & PL_COARSE)
		v->res->coarse++;
	if (how & PL_SKIPPED)
		v->res->skipped++;
}

/* Every function is lowered first (in source order, as the summaries were
 * always computed), so that the contracts inferred from the callers
 * (caller_contracts.h) are known before any function is analysed. */
static void analyse_all(struct visit_ctx *v, CXTranslationUnit tu)
{
	struct pl_fn *fns = xcalloc(v->ndefs ? v->ndefs : 1, sizeof(*fns));
	struct pl_fn **built = xcalloc(v->ndefs ? v->ndefs : 1, sizeof(*built));
	for (size_t i = 0; i < v->ndefs; i++)
		if (cfg_build(&fns[i], tu, v->defs[i], v->cfg->rules, &v->callees) == 0) {
			built[i] = &fns[i];
			v->res->functions++;
		}
	struct pl_callgraph g;
	callgraph_build(&g, tu, v->defs, v->ndefs);
	for (size_t i = 0; i < v->ndefs; i++)
		for (size_t j = 0; built[i] && j < g.fn[i].nfields; j++) {
			unsigned holds = rules_callback_holds(v->cfg->rules, g.fn[i].fields[j]);
			if (holds && !built[i]->caller_holds_slot) {
				built[i]->caller_holds |= holds;
				built[i]->caller_holds_slot = xstrdup(g.fn[i].fields[j]);
			}
		}
	caller_contracts_infer(built, &g, v->cfg->fn_memory);
	callgraph_free(&g);
	for (size_t i = 0; i < v->ndefs; i++) {
		if (!built[i])
			continue;
		if (v->cfg->dump_cfg)
			dump_fn(v, built[i]);
		/* Without a call that can produce a tracked page, no state can be
		 * unsafe: skip the fixpoint (most kernel functions). */
		if (built[i]->creates_objects)
			analyse_fn(v, built[i]);
	}
	for (size_t i = 0; i < v->ndefs; i++)
		cfg_free(&fns[i]);
	free(fns);
	free(built);
}

void analyse_parsed_tu(const struct pl_engine_cfg *cfg, CXTranslationUnit tu, const unsigned char *present,
		       struct tu_result *res)
{
	memset(res, 0, sizeof(*res));
	struct visit_ctx v = { cfg, res, { 0 }, { 0 }, { 0 }, NULL, 0, 0 };
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
	analyse_all(&v, tu);
	free(v.defs);
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
