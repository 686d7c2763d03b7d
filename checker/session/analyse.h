/* The pipeline over one parsed translation unit: lower every function
 * defined in the main file, run the dataflow with the checks attached,
 * collect findings. */
#ifndef PAGELIFE_ANALYSE_H
#define PAGELIFE_ANALYSE_H

#include <clang-c/Index.h>

#include "checks.h"
#include "findings.h"
#include "rules.h"
#include "util.h"

/* What one analysis needs from the session (read-only, shared by threads). */
struct pl_engine_cfg {
	const struct rules *rules;
	enum pl_policy policy;
	const unsigned char *enabled; /* per check index */
	int dump_cfg;
	size_t fn_memory;             /* per-function budget of the dataflow's states */
	const struct rules *external; /* summaries of functions of other TUs; NULL: none */
};

/* The per-function memory share when the session names none. */
#define PL_DEFAULT_FN_MEMORY ((size_t)512 << 20)

struct tu_result {
	struct pl_findings findings;
	size_t functions;
	size_t unconverged;   /* functions whose fixpoint hit the round limit */
	size_t one_path;      /* functions that fell back to one path state per block */
	size_t coarse;        /* functions over their memory share: one pass (engine/coarse.c) */
	size_t skipped;       /* functions too large even for one pass */
	struct strbuf dump;   /* --dump-cfg output */
};

/* present: api_presence() of the TU (NULL when no rule requires a name). */
void analyse_parsed_tu(const struct pl_engine_cfg *cfg, CXTranslationUnit tu, const unsigned char *present,
		       struct tu_result *res);
void tu_result_free(struct tu_result *res);

/* The summary pass: the rules of the main file's non-static functions that
 * take or return pages (engine/summary.c), as rule_text.h lines. */
struct tu_summary {
	char *name, *text;
};
void summarise_parsed_tu(const struct pl_engine_cfg *cfg, CXTranslationUnit tu, const unsigned char *present,
			 struct tu_summary **out, size_t *nout);

#endif
