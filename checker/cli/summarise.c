/* pagelife summarise (summarise.h). */
#include "summarise.h"
#include "digest.h"
#include "cache.h"
#include "options.h"
#include "pagelife.h"
#include "page_signatures.h"
#include "prefilter.h"
#include "shard.h"
#include "summary_db.h"
#include "util.h"
#include "workers.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct run {
	struct summary_db *db;
	const struct pagelife_commands *jobs;
	const size_t *orig;   /* sub-list index -> job index */
	char (*keys)[DIGEST_HEX];
	json_t *digests;      /* path -> digest: each file hashed once a run */
	size_t summarised, functions, abandoned;
	int failed;
};

/* What is known before the parse and changes summaries: pagelife itself,
 * its rules, the policy, the TU and its arguments. */
static char *base_key(const struct pagelife_session *s, const struct pl_options *opt)
{
	struct strbuf sb = { 0 };
	sb_addf(&sb, "pagelife-summarise %s %s policy=%d\n", pagelife_version(), pagelife_summary_format(),
		(int)opt->policy);
	struct stat st;
	char *exe = realpath("/proc/self/exe", NULL);
	if (exe && stat(exe, &st) == 0)
		sb_addf(&sb, "exe %s %lld %lld\n", exe, (long long)st.st_size,
			(long long)st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec);
	free(exe);
	const char *const *files;
	size_t n = pagelife_rule_files(s, &files);
	for (size_t i = 0; i < n; i++) {
		char hex[DIGEST_HEX] = "unreadable";
		digest_file(files[i], hex);
		sb_addf(&sb, "rules %s %s\n", files[i], hex);
	}
	return sb_take(&sb);
}

static void job_key(const char *base, const struct pagelife_command *job, char out[DIGEST_HEX])
{
	struct strbuf sb = { 0 };
	sb_addf(&sb, "%s\nfile %s\ndir %s\n", base, job->file, job->directory ? job->directory : "");
	for (size_t i = 0; i < job->nargs; i++)
		sb_addf(&sb, "arg %s\n", job->args[i]);
	digest_hex(sb.buf, sb.len, out);
	sb_free(&sb);
}

static int file_digest(void *ctx, const char *path, char out[DIGEST_HEX])
{
	struct run *r = ctx;
	json_t *m = json_object_get(r->digests, path);
	if (m) {
		snprintf(out, DIGEST_HEX, "%s", json_string_value(m));
		return 0;
	}
	if (digest_file(path, out))
		snprintf(out, DIGEST_HEX, "unreadable");
	json_object_set_new(r->digests, path, json_string(out));
	return 0;
}

static char *absolute(const char *dir, const char *name)
{
	if (name[0] == '/' || !dir)
		return xstrdup(name);
	return xasprintf("%s/%s", dir, name);
}

static void on_done(void *data, size_t sub, struct pagelife_result *res, const char *abandoned)
{
	struct run *r = data;
	const struct pagelife_command *job = &r->jobs->v[r->orig[sub]];
	if (abandoned) {
		fprintf(stderr, "pagelife: error: %s: %s (not summarised)\n", job->file, abandoned);
		r->abandoned++;
		return;
	}
	if (res->error)
		fprintf(stderr, "pagelife: warning: %s: %s\n", job->file, res->error);
	/* the TU's inputs: the source and every file it included, each once */
	size_t n = 0;
	char **paths = xcalloc(res->nincludes + 1, sizeof(*paths));
	char(*digests)[DIGEST_HEX] = xcalloc(res->nincludes + 1, sizeof(*digests));
	json_t *seen = json_object();
	for (size_t i = 0; i <= res->nincludes; i++) {
		char *p = absolute(job->directory, i ? res->includes[i - 1] : job->file);
		if (json_object_get(seen, p)) {
			free(p);
			continue;
		}
		json_object_set_new(seen, p, json_true());
		file_digest(r, p, digests[n]);
		paths[n++] = p;
	}
	json_decref(seen);
	char *err = NULL;
	if (!res->fatal && summary_db_store(r->db, job->file, r->keys[r->orig[sub]], (const char *const *)paths,
					    digests, n, res->summaries, res->nsummaries, &err)) {
		fprintf(stderr, "pagelife: error: %s\n", err);
		free(err);
		r->failed = 1;
	} else if (!res->fatal) {
		r->summarised++;
		r->functions += res->nsummaries;
	} else {
		fprintf(stderr, "pagelife: error: %s: not summarised\n", job->file);
		r->abandoned++;
	}
	for (size_t i = 0; i < n; i++)
		free(paths[i]);
	free(paths);
	free(digests);
	pagelife_result_free(res);
}

static int merge(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "pagelife: error: usage: pagelife summarise merge OUT.db SHARD.db...\n");
		return 2;
	}
	char *err = NULL;
	struct summary_db *db = summary_db_open(argv[1], 0, &err);
	int status = 0;
	for (int i = 2; db && i < argc && !status; i++)
		if (summary_db_merge(db, argv[i], &err))
			status = 2;
	if (!db || status) {
		fprintf(stderr, "pagelife: error: %s\n", err);
		status = 2;
	}
	free(err);
	summary_db_close(db);
	return status;
}

static int run_summarise(const struct pl_options *opt, struct pagelife_session *s, struct pagelife_commands *jobs)
{
	char *err = NULL;
	struct summary_db *db = summary_db_open(opt->summaries, 0, &err);
	if (!db) {
		fprintf(stderr, "pagelife: error: %s\n", err);
		free(err);
		return 2;
	}
	struct run r = { db, jobs, NULL, NULL, json_object(), 0, 0, 0, 0 };
	r.keys = xcalloc(jobs->n + 1, sizeof(*r.keys));
	char *base = base_key(s, opt);
	/* incremental: only the TUs whose key or files changed */
	size_t *orig = xcalloc(jobs->n + 1, sizeof(*orig));
	struct pagelife_commands changed = { xcalloc(jobs->n + 1, sizeof(*changed.v)), 0 };
	for (size_t i = 0; i < jobs->n; i++) {
		job_key(base, &jobs->v[i], r.keys[i]);
		if (summary_db_tu_unchanged(db, jobs->v[i].file, r.keys[i], file_digest, &r))
			continue;
		orig[changed.n] = i;
		changed.v[changed.n++] = jobs->v[i];
	}
	r.orig = orig;
	free(base);
	struct worker_limits lim = { opt->jobs, opt->max_memory, opt->timeout };
	if (changed.n)
		workers_run(s, &changed, &lim, on_done, &r);
	/* a whole compile database: TUs that left it leave the summaries too */
	if (!r.failed && opt->compdb_dir && !opt->nfiles && !opt->shard_n) {
		const char **names = xcalloc(jobs->n + 1, sizeof(*names));
		for (size_t i = 0; i < jobs->n; i++)
			names[i] = jobs->v[i].file;
		if (summary_db_forget_others(db, names, jobs->n, &err)) {
			fprintf(stderr, "pagelife: error: %s\n", err);
			free(err);
			r.failed = 1;
		}
		free(names);
	}
	if (opt->stats)
		fprintf(stderr, "pagelife: %zu TUs summarised (%zu functions), %zu unchanged, %zu not summarised\n",
			r.summarised, r.functions, jobs->n - changed.n, r.abandoned);
	free(changed.v); /* shallow copies of jobs */
	free(orig);
	free(r.keys);
	json_decref(r.digests);
	summary_db_close(db);
	return r.failed || r.abandoned ? 2 : 0;
}

int summarise_main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "merge"))
		return merge(argc - 1, argv + 1);
	struct pl_options opt;
	char err[1024];
	char *msg = NULL;
	int status = 2;
	struct pagelife_session *s = NULL;
	struct pagelife_commands jobs = { 0 };
	if (options_parse(&opt, argc, argv, err, sizeof(err))) {
		fprintf(stderr, "pagelife: error: %s\n", err);
		goto out;
	}
	if (!opt.summaries || !opt.compdb_dir) {
		fprintf(stderr, "pagelife: error: usage: pagelife summarise -p BUILD_DIR --summaries=FILE [-j N] "
				"[--shard=K/N] [FILE...]\n");
		goto out;
	}
	struct pagelife_config cfg = { NULL, (const char *const *)opt.rules, opt.nrules, opt.policy, NULL, 0, 0,
				       (size_t)(opt.max_memory / 4), NULL, 0, 1 };
	if (pagelife_session_open(&cfg, &s, &msg) ||
	    pagelife_compile_commands_load(opt.compdb_dir, (const char *const *)opt.files, opt.nfiles, &jobs, &msg)) {
		fprintf(stderr, "pagelife: error: %s\n", msg);
		goto out;
	}
	if (opt.shard_n)
		shard_jobs(&jobs, opt.shard_k, opt.shard_n);
	/* a TU that mentions no page API defines nothing worth a summary but
	 * plain uses: skipped as analysis runs skip it (--no-prefilter keeps it) */
	size_t skipped = 0;
	if (!opt.no_prefilter) {
		char *dir = opt.no_cache ? NULL : opt.cache_dir ? xstrdup(opt.cache_dir) : cache_default_dir();
		struct prefilter *pf = prefilter_open(opt.compdb_dir, dir, s, &jobs);
		if (pf)
			skipped = prefilter_jobs(pf, &jobs);
		prefilter_close(pf);
		free(dir);
	}
	/* and one whose own file defines no non-static function taking or
	 * returning pages has nothing a summary describes */
	size_t unsigned_tus = opt.no_prefilter ? 0 : page_signature_jobs(&jobs);
	if (opt.stats) {
		fprintf(stderr, "pagelife: %zu TUs skipped by the prefilter\n", skipped);
		fprintf(stderr, "pagelife: %zu TUs skipped: their file defines no non-static page function\n", unsigned_tus);
	}
	status = run_summarise(&opt, s, &jobs);
out:
	free(msg);
	pagelife_commands_free(&jobs);
	pagelife_session_close(s);
	options_free(&opt);
	return status;
}
