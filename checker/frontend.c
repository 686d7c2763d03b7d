#include "frontend.h"
#include "analysis.h"
#include "summary.h"
#include "util.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* The first error the compiler reported in a file.  Driver complaints about
 * unknown flags (no location) are ignored: those flags are dropped. */
static char *first_error(CXTranslationUnit tu)
{
	unsigned n = clang_getNumDiagnostics(tu);
	char *msg = NULL;
	for (unsigned i = 0; i < n && !msg; i++) {
		CXDiagnostic d = clang_getDiagnostic(tu, i);
		enum CXDiagnosticSeverity sev = clang_getDiagnosticSeverity(d);
		if (sev >= CXDiagnostic_Error) {
			CXFile f;
			unsigned line, col;
			clang_getFileLocation(clang_getDiagnosticLocation(d), &f, &line, &col, NULL);
			if (f) {
				CXString fn = clang_getFileName(f);
				CXString text = clang_getDiagnosticSpelling(d);
				msg = xasprintf("%s:%u:%u: %s", clang_getCString(fn), line, col, clang_getCString(text));
				clang_disposeString(fn);
				clang_disposeString(text);
			}
		}
		clang_disposeDiagnostic(d);
	}
	return msg;
}

struct visit_ctx {
	const struct pl_ctx *ctx;
	CXTranslationUnit tu;
	struct tu_result *res;
	struct pl_checks_run run;
	struct pl_summaries summaries;
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
	if (cfg_build(&fn, v->tu, c, &v->ctx->rules, &v->summaries) == 0) {
		v->res->functions++;
		if (v->ctx->opt->dump_cfg) {
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
			int how = analyse_function(&fn, &v->run);
			if (how & PL_NOT_CONVERGED)
				v->res->unconverged++;
			if (how & PL_ONE_PATH)
				v->res->one_path++;
		}
	}
	cfg_free(&fn);
	return CXChildVisit_Continue;
}

void analyse_tu(const struct pl_ctx *ctx, CXIndex index, const char *file, const struct argv_list *args,
		struct tu_result *res)
{
	memset(res, 0, sizeof(*res));
	struct stat st;
	if (stat(file, &st) != 0) {
		res->error = xasprintf("%s: cannot open: %s", file, strerror(errno));
		res->fatal = 1;
		return;
	}
	CXTranslationUnit tu = NULL;
	unsigned flags = CXTranslationUnit_KeepGoing | CXTranslationUnit_IgnoreNonErrorsFromIncludedFiles;
	enum CXErrorCode ec = clang_parseTranslationUnit2(index, file, (const char *const *)args->v, (int)args->n, NULL,
							  0, flags, &tu);
	if (ec != CXError_Success || !tu) {
		res->error = xasprintf("%s: libclang could not parse this file (error %d); check the compiler flags", file,
				       (int)ec);
		res->fatal = 1;
		return;
	}
	char *err = first_error(tu);
	if (err) {
		res->error = xasprintf("%s (analysed what parsed)", err);
		free(err);
	}
	struct visit_ctx v = { ctx, tu, res, { 0 }, { 0 } };
	v.summaries.tu = tu;
	v.summaries.rules = &ctx->rules;
	v.run.policy = ctx->opt->policy;
	v.run.enabled = ctx->opt->enabled;
	v.run.out = &res->findings;
	clang_visitChildren(clang_getTranslationUnitCursor(tu), visit_top, &v);
	summaries_free(&v.summaries);
	findings_finish(&res->findings);
	clang_disposeTranslationUnit(tu);
}

void tu_result_free(struct tu_result *res)
{
	findings_free(&res->findings);
	free(res->error);
	sb_free(&res->dump);
	memset(res, 0, sizeof(*res));
}
