/* One translation unit: parse with libclang, analyse every function defined
 * in the main file, collect findings and the first compiler error. */
#ifndef PAGELIFE_FRONTEND_H
#define PAGELIFE_FRONTEND_H

#include <clang-c/Index.h>

#include "checks.h"
#include "findings.h"
#include "flags.h"
#include "options.h"

/* Everything shared read-only by all TUs of a run. */
struct pl_ctx {
	const struct pl_options *opt;
	struct rules rules;
};

struct tu_result {
	struct pl_findings findings;
	char *error;          /* first error, one line; NULL if the TU parsed */
	int fatal;            /* nothing could be analysed */
	size_t functions;
	size_t unconverged;   /* functions whose fixpoint hit the round limit */
	size_t one_path;      /* functions that fell back to one path state per block */
	struct strbuf dump;   /* --dump-cfg output */
};

void analyse_tu(const struct pl_ctx *ctx, CXIndex index, const char *file, const struct argv_list *args,
		struct tu_result *res);
void tu_result_free(struct tu_result *res);

#endif
