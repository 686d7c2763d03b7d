/* pagelife: finds struct page lifetime misuse in Linux kernel C code.
 * The command line: one front door on pagelife.h. */
#include "driver.h"
#include "lsp.h"
#include "merge.h"
#include "options.h"
#include "pagelife.h"
#include "review.h"
#include "speedups.h"
#include "summarise.h"
#include "summary_db.h"
#include "util.h"

#include <clang-c/Index.h>
#include <stdlib.h>
#include <string.h>

static int usage_error(const char *msg)
{
	fprintf(stderr, "pagelife: error: %s\n", msg);
	return 2;
}

static void print_version(void)
{
	CXString v = clang_getClangVersion();
	printf("pagelife %s (%s)\n", pagelife_version(), clang_getCString(v));
	clang_disposeString(v);
}

/* The TUs named on the command line, each with the flags after --. */
static void jobs_from_files(const struct pl_options *opt, struct pagelife_commands *jobs)
{
	jobs->n = opt->nfiles;
	jobs->v = xcalloc(opt->nfiles ? opt->nfiles : 1, sizeof(*jobs->v));
	for (size_t i = 0; i < opt->nfiles; i++) {
		jobs->v[i].file = xstrdup(opt->files[i]);
		pagelife_filter_flags((const char *const *)opt->cflags, opt->ncflags, &jobs->v[i].args,
				      &jobs->v[i].nargs);
	}
}

/* --summaries: the other TUs' functions, and their digest for the result cache. */
static int load_summaries(struct pl_options *opt, struct pagelife_config *cfg, char **msg)
{
	struct summary_db *db = summary_db_open(opt->summaries, 1, msg);
	if (!db)
		return -1;
	struct pagelife_summary *v;
	int bad = summary_db_load(db, &v, &cfg->nsummaries, opt->summaries_digest, msg);
	summary_db_close(db);
	cfg->summaries = bad ? NULL : v;
	return bad;
}

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "merge"))
		return merge_main(argc - 1, argv + 1);
	if (argc > 1 && !strcmp(argv[1], "summarise"))
		return summarise_main(argc - 1, argv + 1);
	struct pl_options opt;
	char err[1024];
	char *msg = NULL;
	if (argc > 1 && !strcmp(argv[1], "review"))
		return review_main(argc - 1, argv + 1);
	if (argc > 1 && !strcmp(argv[1], "lsp"))
		return lsp_main(argc - 1, argv + 1);
	if (options_parse(&opt, argc, argv, err, sizeof(err))) {
		options_free(&opt);
		return usage_error(err);
	}
	int status = 0;
	struct pagelife_session *s = NULL;
	struct pagelife_commands jobs = { 0 };
	if (opt.help) {
		options_usage(stdout);
		goto out;
	}
	if (opt.version) {
		print_version();
		goto out;
	}
	if (opt.list_checks) {
		for (size_t i = 0; i < pagelife_check_count(); i++)
			printf("%-24s %s%s\n", pagelife_check_id(i), pagelife_check_summary(i),
			       opt.enabled[i] ? "" : " (disabled)");
		goto out;
	}

	/* a quarter of the worker's budget for one function's states: the AST
	 * and the CFG need the rest */
	struct pagelife_config cfg = { NULL, (const char *const *)opt.rules, opt.nrules, opt.policy, opt.checks,
				       opt.dump_cfg, opt.warn_unused_suppressions, (size_t)(opt.max_memory / 4),
				       NULL, 0, 0 };
	if (opt.summaries && load_summaries(&opt, &cfg, &msg)) {
		status = usage_error(msg);
		goto out;
	}
	int bad_session = pagelife_session_open(&cfg, &s, &msg);
	summary_db_free_summaries((struct pagelife_summary *)cfg.summaries, cfg.nsummaries);
	if (bad_session) {
		status = usage_error(msg);
		goto out;
	}
	if (opt.compdb_dir) {
		if (opt.ncflags) {
			status = usage_error("with -p the flags come from compile_commands.json; drop the compiler flags");
			goto out;
		}
		if (pagelife_compile_commands_load(opt.compdb_dir, (const char *const *)opt.files, opt.nfiles, &jobs,
						   &msg)) {
			status = usage_error(msg);
			goto out;
		}
	} else {
		if (!opt.nfiles) {
			status = usage_error("no input files (usage: pagelife [options] FILE.c... [-- flags], or -p DIR)");
			goto out;
		}
		jobs_from_files(&opt, &jobs);
	}
	struct speedups sp = { 0 };
	speedups_apply(&sp, &opt, s, &jobs);
	status = run_jobs(s, sp.cache, &opt, &jobs);
	speedups_report(&sp, &opt);
	speedups_close(&sp);
out:
	free(msg);
	pagelife_commands_free(&jobs);
	pagelife_session_close(s);
	options_free(&opt);
	return status;
}
