#include "baseline.h"
#include "cache.h"
#include "driver.h"
#include "report.h"
#include "util.h"
#include "workers.h"

#include <stdlib.h>
#include <string.h>

struct totals {
	size_t tus, analysed, failed, abandoned, functions, unconverged, one_path, coarse, skipped, findings;
	size_t baselined; /* findings left out because the baseline has them */
	size_t *per_check;
	int errors;
	const struct baseline *baseline;    /* NULL without --baseline */
	struct baseline_writer *write;      /* NULL without --write-baseline */
};

/* res with the findings the baseline has left out (a shallow view: res
 * still owns everything); *kept is the array to free afterwards. */
static struct pagelife_result new_findings(const struct pagelife_result *res, struct totals *t,
					   struct pagelife_finding **kept)
{
	struct pagelife_result view = *res;
	*kept = NULL;
	if (!t->baseline || !res->nfindings)
		return view;
	*kept = xcalloc(res->nfindings, sizeof(**kept));
	view.findings = *kept;
	view.nfindings = 0;
	for (size_t i = 0; i < res->nfindings; i++) {
		if (baseline_has(t->baseline, res->findings[i].fingerprint))
			t->baselined++;
		else
			view.findings[view.nfindings++] = res->findings[i];
	}
	return view;
}

static void emit_result(const struct pl_options *opt, struct report *rep, struct fixes_export *fixes,
			const char *file, struct pagelife_result *res, struct totals *t)
{
	if (fixes)
		fixes_export_tu(fixes, file, res);
	if (opt->dump_cfg && res->cfg_dump) {
		fputs(res->cfg_dump, stdout);
		fflush(stdout);
	}
	if (t->write)
		for (size_t i = 0; i < res->nfindings; i++)
			baseline_writer_add(t->write, &res->findings[i]);
	struct pagelife_finding *kept;
	struct pagelife_result view = new_findings(res, t, &kept);
	report_tu(rep, file, &view);
	if (res->error) {
		fprintf(stderr, "pagelife: %s: %s\n", opt->kbuild ? "warning" : "error", res->error);
		t->errors = 1;
	}
	t->tus++;
	if (res->fatal)
		t->failed++;
	else
		t->analysed++;
	t->functions += res->functions;
	t->unconverged += res->unconverged;
	t->one_path += res->one_path;
	t->coarse += res->coarse;
	t->skipped += res->skipped;
	t->findings += view.nfindings;
	for (size_t i = 0; i < view.nfindings; i++)
		for (size_t c = 0; c < pagelife_check_count(); c++)
			if (!strcmp(view.findings[i].check, pagelife_check_id(c)))
				t->per_check[c]++;
	free(kept);
	pagelife_result_free(res);
}

struct emit_ctx {
	const struct pl_options *opt;
	struct report *rep;
	const struct pagelife_commands *jobs;
	struct totals *t;
	struct fixes_export *fixes;
	const size_t *orig;                /* sub-list index -> job index */
	struct pagelife_result *hits;      /* per job: a result from the cache */
	const char *hit;                   /* per job: 1 if hits[] holds it */
	size_t next;                       /* next job to emit */
	struct result_cache *cache;
	const struct cache_ticket *tickets;
};

/* Emit the cached results that come before job (results go out in list order). */
static void emit_hits_before(struct emit_ctx *c, size_t job)
{
	for (; c->next < job; c->next++)
		if (c->hit[c->next])
			emit_result(c->opt, c->rep, c->fixes, c->jobs->v[c->next].file, &c->hits[c->next], c->t);
}

static void on_done(void *data, size_t sub, struct pagelife_result *res, const char *abandoned)
{
	struct emit_ctx *c = data;
	size_t job = c->orig[sub];
	emit_hits_before(c, job);
	c->next = job + 1;
	if (!abandoned && c->cache)
		cache_store(c->cache, &c->jobs->v[job], &c->tickets[job], res);
	if (abandoned) {
		/* one line, whatever the kbuild mode: nothing was checked */
		fflush(stdout);
		fprintf(stderr, "pagelife: error: %s: %s (analysis abandoned)\n", c->jobs->v[job].file, abandoned);
		c->t->tus++;
		c->t->abandoned++;
		c->t->errors = 1;
		return;
	}
	emit_result(c->opt, c->rep, c->fixes, c->jobs->v[job].file, res, c->t);
}

int run_jobs(struct pagelife_session *s, struct result_cache *cache, const struct pl_options *opt,
	     const struct pagelife_commands *jobs)
{
	struct totals t = { 0 };
	struct baseline base = { 0 };
	char err[1024];
	if (opt->baseline) {
		if (baseline_load(opt->baseline, &base, err, sizeof(err))) {
			fprintf(stderr, "pagelife: error: %s\n", err);
			return 2; /* a usage error, under kbuild too */
		}
		t.baseline = &base;
	}
	if (opt->write_baseline)
		t.write = baseline_writer_new();
	t.per_check = xcalloc(pagelife_check_count(), sizeof(size_t));
	struct report *rep = report_open(opt->format, stdout);
	rep->parseable_fixits = opt->parseable_fixits;
	struct fixes_export *fixes = opt->export_fixes ? fixes_export_open(opt->export_fixes) : NULL;
	/* the cache answers in this process; the workers analyse the rest */
	struct pagelife_result *hits = xcalloc(jobs->n ? jobs->n : 1, sizeof(*hits));
	char *hit = xcalloc(jobs->n ? jobs->n : 1, 1);
	struct cache_ticket *tickets = xcalloc(jobs->n ? jobs->n : 1, sizeof(*tickets));
	size_t *orig = xcalloc(jobs->n ? jobs->n : 1, sizeof(*orig));
	struct pagelife_commands misses = { xcalloc(jobs->n ? jobs->n : 1, sizeof(*jobs->v)), 0 };
	for (size_t i = 0; i < jobs->n; i++) {
		if (cache && cache_lookup(cache, &jobs->v[i], &hits[i], &tickets[i])) {
			hit[i] = 1;
			continue;
		}
		orig[misses.n] = i;
		misses.v[misses.n++] = jobs->v[i]; /* shallow: jobs owns the strings */
	}
	struct emit_ctx c = { opt, rep, jobs, &t, fixes, orig, hits, hit, 0, cache, tickets };
	struct worker_limits lim = { opt->jobs, opt->max_memory, opt->timeout };
	if (misses.n)
		workers_run(s, &misses, &lim, on_done, &c);
	emit_hits_before(&c, jobs->n);
	free(misses.v);
	free(orig);
	free(tickets);
	free(hit);
	free(hits);
	report_close(rep);
	if (fixes && fixes_export_close(fixes)) {
		fprintf(stderr, "pagelife: error: cannot write %s\n", opt->export_fixes);
		t.errors = 1;
	}

	if (opt->stats) {
		fprintf(stderr, "pagelife: %zu TUs, %zu analysed, %zu failed, %zu abandoned, %zu functions, %zu findings\n",
			t.tus, t.analysed, t.failed, t.abandoned, t.functions, t.findings);
		if (t.baseline)
			fprintf(stderr, "pagelife: %zu findings in the baseline not reported\n", t.baselined);
		if (t.unconverged)
			fprintf(stderr, "pagelife: %zu functions hit the fixpoint round limit\n", t.unconverged);
		if (t.one_path)
			fprintf(stderr, "pagelife: %zu functions fell back to one path state per block\n", t.one_path);
		if (t.coarse)
			fprintf(stderr, "pagelife: %zu functions over their memory share got the one-pass analysis\n",
				t.coarse);
		if (t.skipped)
			fprintf(stderr, "pagelife: %zu functions too large for any analysis were skipped\n", t.skipped);
		for (size_t i = 0; i < pagelife_check_count(); i++)
			fprintf(stderr, "pagelife: %s: %zu\n", pagelife_check_id(i), t.per_check[i]);
	}
	free(t.per_check);
	baseline_free(&base);
	if (t.write && baseline_writer_save(t.write, opt->write_baseline, err, sizeof(err))) {
		fprintf(stderr, "pagelife: error: %s\n", err);
		return 2;
	}
	if (opt->kbuild)
		return 0; /* as sparse: never fail the kernel build (abandoned TUs are on stderr) */
	if (t.errors)
		return 2;
	switch (opt->fail_on) {
	case FAIL_ON_NONE:
		return 0;
	case FAIL_ON_ANY:
		return t.findings + t.baselined ? 1 : 0;
	case FAIL_ON_NEW:
		break;
	}
	return t.findings ? 1 : 0;
}
