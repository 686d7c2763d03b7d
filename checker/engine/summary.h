/* Summaries of functions defined in the translation unit (static helpers,
 * header inlines): what they do to page arguments and what page they
 * return, computed from their bodies and used at their call sites like a
 * rule.  Explicit rules win. */
#ifndef PAGELIFE_SUMMARY_H
#define PAGELIFE_SUMMARY_H

#include <clang-c/Index.h>

#include "cfg.h"
#include "rules.h"

#define SUMMARY_MAX_DEPTH 3
struct summary_entry {
	char *name;
	struct rule *rule; /* NULL: nothing worth a rule */
	int done;
};

struct pl_summaries {
	CXTranslationUnit tu;
	const struct rules *rules;
	const unsigned char *api_present; /* api_presence() of the TU */
	struct summary_entry *v;
	size_t n, cap;
	int depth;
	size_t computed;
	size_t fn_memory;  /* per-function budget of the analysis (analysis.h) */
	const struct rules *external; /* summaries from other TUs, for functions without a definition here */
};

/* The rule for a call of the function `callee` refers to, NULL if none. */
const struct rule *summary_lookup(struct pl_summaries *s, CXCursor callee);
void summaries_free(struct pl_summaries *s);
/* The summaries as the CFG builder's rules for the TU's own helpers. */
struct pl_callee_rules summaries_as_callee_rules(struct pl_summaries *s);

#endif
