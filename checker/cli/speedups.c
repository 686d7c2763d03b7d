#include "speedups.h"
#include "cache.h"
#include "prefilter.h"
#include "shard.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>

/* What besides the rules changes results: policy and enabled checks. */
static char *analysis_options(const struct pl_options *opt)
{
	struct strbuf sb = { 0 };
	/* the function memory share decides which functions are analysed coarsely or skipped */
	sb_addf(&sb, "policy=%d unused-suppressions=%d function-memory=%llu checks=", (int)opt->policy,
		opt->warn_unused_suppressions, (unsigned long long)(opt->max_memory / 4));
	for (size_t c = 0; c < pagelife_check_count(); c++)
		sb_add(&sb, opt->enabled[c] ? "1" : "0");
	if (opt->summaries) /* other TUs' summaries change this TU's findings */
		sb_addf(&sb, " summaries=%s", opt->summaries_digest);
	return sb_take(&sb);
}

void speedups_apply(struct speedups *sp, const struct pl_options *opt, const struct pagelife_session *s,
		    struct pagelife_commands *jobs)
{
	char *dir = NULL;
	if (!opt->no_cache && !opt->dump_cfg)
		dir = opt->cache_dir ? xstrdup(opt->cache_dir) : cache_default_dir();
	if (opt->shard_n)
		shard_jobs(jobs, opt->shard_k, opt->shard_n);
	if (opt->compdb_dir && !opt->no_prefilter) {
		sp->prefilter = prefilter_open(opt->compdb_dir, dir, s, jobs);
		if (sp->prefilter)
			sp->skipped = prefilter_jobs(sp->prefilter, jobs);
	}
	if (dir) {
		char *o = analysis_options(opt);
		sp->cache = cache_open(dir, s, o);
		free(o);
	}
	free(dir);
}

void speedups_report(struct speedups *sp, const struct pl_options *opt)
{
	if (!opt->stats)
		return;
	if (sp->prefilter)
		fprintf(stderr, "pagelife: %zu TUs skipped by the prefilter (%zu API names reach a rule)\n", sp->skipped,
			prefilter_name_count(sp->prefilter));
	if (sp->cache)
		fprintf(stderr, "pagelife: %zu TUs reused from the cache\n", cache_hits(sp->cache));
}

void speedups_close(struct speedups *sp)
{
	prefilter_close(sp->prefilter);
	cache_close(sp->cache);
}
