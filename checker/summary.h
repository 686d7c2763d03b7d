/* Summaries of functions defined in the translation unit (static helpers,
 * header inlines): what they do to page arguments and what page they
 * return, computed from their bodies and used at their call sites like a
 * rule.  Explicit rules win. */
#ifndef PAGELIFE_SUMMARY_H
#define PAGELIFE_SUMMARY_H

#include <clang-c/Index.h>

#include "lattice.h"
#include "rules.h"

#define SUMMARY_MAX_DEPTH 3
/* Sites of the values parameters start with in summary mode. */
#define PARAM_SITE(i) (1000000 + (i))
#define PARAM_ELEM_SITE(i) (1001000 + (i))

struct summary_entry {
	char *name;
	struct rule *rule; /* NULL: nothing worth a rule */
	int done;
};

struct pl_summaries {
	CXTranslationUnit tu;
	const struct rules *rules;
	struct summary_entry *v;
	size_t n, cap;
	int depth;
	size_t computed;
};

/* What the summary-mode analysis collects about parameters and returns. */
struct summary_collect {
	unsigned used, released, released_array, escaped, acquired_all, released_all, returns;
	enum rule_release release_kind;
	int have_ret;
	struct pl_val ret;
	int ret_param; /* the integer parameter whose pfn the returned page came from, -1 */
	int ret_param_seen;
};

/* The rule for a call of the function `callee` refers to, NULL if none. */
const struct rule *summary_lookup(struct pl_summaries *s, CXCursor callee);
void summaries_free(struct pl_summaries *s);

#endif
