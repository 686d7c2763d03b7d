/* The command line: pagelife's own options, the files, and compiler flags. */
#ifndef PAGELIFE_OPTIONS_H
#define PAGELIFE_OPTIONS_H

#include <stddef.h>

#include "pagelife.h"
#include "report.h"

/* What makes the exit status 1: findings not in the baseline (default;
 * without --baseline, every finding), any finding, or none. */
enum pl_fail_on { FAIL_ON_NEW, FAIL_ON_ANY, FAIL_ON_NONE };
/* Budgets for CI runners: a 2-core, 7-16 GB machine running -j2. */
#define PL_DEFAULT_MAX_MEMORY (4ULL << 30)
#define PL_DEFAULT_TIMEOUT 300

struct pl_options {
	enum pagelife_policy policy;
	unsigned char *enabled;     /* per check, pagelife_check_count() entries */
	const char *checks;         /* --checks= as given */
	char **rules;               /* --rules files, in order */
	size_t nrules, rules_cap;
	int jobs;
	unsigned long long max_memory; /* --max-memory: bytes per worker process, 0 none */
	unsigned timeout;           /* --timeout: seconds per TU, 0 none */
	const char *compdb_dir;     /* -p */
	char **files;
	size_t nfiles, files_cap;
	char **cflags;              /* after --, or sparse-style flags (kbuild CHECK=) */
	size_t ncflags, cflags_cap;
	int sparse_style;           /* compiler flags came without -- */
	enum report_format format;
	int stats, list_checks, version, help, dump_cfg;
	int parseable_fixits;       /* fix-it: lines after findings (text format) */
	const char *export_fixes;   /* --export-fixes=FILE */
	int kbuild;                 /* run by kbuild as CHECK: findings never fail the build */
	const char *baseline;       /* --baseline: report only findings not in it */
	const char *write_baseline; /* --write-baseline: this run's fingerprints */
	enum pl_fail_on fail_on;
	int warn_unused_suppressions;
	const char *cache_dir;      /* --cache-dir; NULL: the default */
	int no_cache, no_prefilter; /* --no-cache, --no-prefilter */
	unsigned shard_k, shard_n;  /* --shard=K/N; 0/0: every TU */
	const char *summaries;      /* --summaries=FILE: the summary database */
	char summaries_digest[65];  /* of the summaries loaded from it (the result cache's key) */
};

/* Returns 0, or -1 with a one-line message in err (usage error, exit 2). */
int options_parse(struct pl_options *o, int argc, char **argv, char *err, size_t errlen);
void options_free(struct pl_options *o);
void options_usage(FILE *out);

#endif
