/* pagelife: finds struct page lifetime misuse in Linux kernel C code. */
#include "compdb.h"
#include "driver.h"
#include "frontend.h"
#include "options.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef PAGELIFE_VERSION
#define PAGELIFE_VERSION "0.0.0"
#endif

/* Built-in rules: $PAGELIFE_RULES_DIR, else next to the binary in the build
 * tree or the install tree. */
static char *default_rules_dir(const char *argv0)
{
	const char *env = getenv("PAGELIFE_RULES_DIR");
	if (env && *env)
		return xstrdup(env);
	char exe[4096];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n <= 0) {
		strncpy(exe, argv0, sizeof(exe) - 1);
		n = (ssize_t)strlen(exe);
	}
	exe[n] = '\0';
	char *slash = strrchr(exe, '/');
	if (slash)
		*slash = '\0';
	const char *candidates[] = { "%s/rules", "%s/../share/pagelife/rules", "%s/../../rules", "%s/../rules" };
	for (size_t i = 0; i < sizeof(candidates) / sizeof(candidates[0]); i++) {
		char *p = xasprintf(candidates[i], exe);
		if (access(p, R_OK) == 0)
			return p;
		free(p);
	}
#ifdef PAGELIFE_SOURCE_RULES
	if (access(PAGELIFE_SOURCE_RULES, R_OK) == 0)
		return xstrdup(PAGELIFE_SOURCE_RULES);
#endif
	return NULL;
}

static int usage_error(const char *msg)
{
	fprintf(stderr, "pagelife: error: %s\n", msg);
	return 2;
}

int main(int argc, char **argv)
{
	struct pl_options opt;
	char err[1024];
	if (options_parse(&opt, argc, argv, err, sizeof(err))) {
		options_free(&opt);
		return usage_error(err);
	}
	int status = 0;
	if (opt.help) {
		options_usage(stdout);
		goto out;
	}
	if (opt.version) {
		CXString v = clang_getClangVersion();
		printf("pagelife %s (%s)\n", PAGELIFE_VERSION, clang_getCString(v));
		clang_disposeString(v);
		goto out;
	}
	if (opt.list_checks) {
		for (size_t i = 0; i < pl_num_checks; i++)
			printf("%-24s %s%s\n", pl_all_checks[i]->id, pl_all_checks[i]->summary,
			       opt.enabled[i] ? "" : " (disabled)");
		goto out;
	}

	struct pl_ctx ctx = { &opt, { 0 } };
	char *rules_dir = default_rules_dir(argv[0]);
	if (!rules_dir) {
		options_free(&opt);
		return usage_error("cannot find the built-in rules directory; set PAGELIFE_RULES_DIR");
	}
	if (rules_load_path(&ctx.rules, rules_dir, err, sizeof(err))) {
		free(rules_dir);
		status = usage_error(err);
		goto out_rules;
	}
	free(rules_dir);
	for (size_t i = 0; i < opt.nrules; i++)
		if (rules_load_path(&ctx.rules, opt.rules[i], err, sizeof(err))) {
			status = usage_error(err);
			goto out_rules;
		}
	rules_index(&ctx.rules);

	struct tu_jobs jobs = { 0 };
	if (opt.compdb_dir) {
		if (opt.ncflags) {
			status = usage_error("with -p the flags come from compile_commands.json; drop the compiler flags");
			goto out_rules;
		}
		if (compdb_load(opt.compdb_dir, opt.files, opt.nfiles, &jobs, err, sizeof(err))) {
			status = usage_error(err);
			goto out_jobs;
		}
	} else {
		if (!opt.nfiles) {
			status = usage_error("no input files (usage: pagelife [options] FILE.c... [-- flags], or -p DIR)");
			goto out_rules;
		}
		for (size_t i = 0; i < opt.nfiles; i++) {
			struct tu_job job = { xstrdup(opt.files[i]), NULL, { 0 } };
			flags_filter(opt.cflags, opt.ncflags, &job.args);
			VEC_PUSH(jobs.v, jobs.n, jobs.cap, job);
		}
	}
	status = run_jobs(&ctx, &jobs);
out_jobs:
	tu_jobs_free(&jobs);
out_rules:
	rules_free(&ctx.rules);
out:
	options_free(&opt);
	return status;
}
