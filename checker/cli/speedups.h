/* What spares work over a whole tree, set up around run_jobs(): the shard
 * (--shard), the prefilter (with -p, unless --no-prefilter) and the result
 * cache (unless --no-cache). */
#ifndef PAGELIFE_SPEEDUPS_H
#define PAGELIFE_SPEEDUPS_H

#include "options.h"
#include "pagelife.h"

struct speedups {
	struct prefilter *prefilter;
	struct result_cache *cache;
	size_t skipped;  /* TUs the prefilter dropped */
};

/* Narrow jobs to this shard and to the TUs that may hold a finding; open
 * the cache. */
void speedups_apply(struct speedups *sp, const struct pl_options *opt, const struct pagelife_session *s,
		    struct pagelife_commands *jobs);
/* The --stats lines. */
void speedups_report(struct speedups *sp, const struct pl_options *opt);
void speedups_close(struct speedups *sp);

#endif
