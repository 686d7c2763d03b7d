#include "baseline.h"
#include "driver.h"
#include "report.h"
#include "util.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

struct pool {
	struct pagelife_session *s;
	const struct pagelife_commands *jobs;
	struct pagelife_result *results;
	char *done;
	size_t next;          /* next job to take */
	pthread_mutex_t lock;
	pthread_cond_t cond;
};

static void run_one(struct pagelife_session *s, const struct pagelife_command *job, struct pagelife_result *res)
{
	pagelife_analyse(s, job->file, (const char *const *)job->args, job->nargs, NULL, 0, res);
}

static void *worker(void *arg)
{
	struct pool *p = arg;
	for (;;) {
		pthread_mutex_lock(&p->lock);
		size_t i = p->next++;
		pthread_mutex_unlock(&p->lock);
		if (i >= p->jobs->n)
			break;
		struct pagelife_result res;
		run_one(p->s, &p->jobs->v[i], &res);
		pthread_mutex_lock(&p->lock);
		p->results[i] = res;
		p->done[i] = 1;
		pthread_cond_broadcast(&p->cond);
		pthread_mutex_unlock(&p->lock);
	}
	return NULL;
}

struct totals {
	size_t tus, analysed, failed, functions, unconverged, one_path, findings;
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
	t->findings += view.nfindings;
	for (size_t i = 0; i < view.nfindings; i++)
		for (size_t c = 0; c < pagelife_check_count(); c++)
			if (!strcmp(view.findings[i].check, pagelife_check_id(c)))
				t->per_check[c]++;
	free(kept);
	pagelife_result_free(res);
}

int run_jobs(struct pagelife_session *s, const struct pl_options *opt, const struct pagelife_commands *jobs)
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
	int nthreads = opt->jobs;
	if ((size_t)nthreads > jobs->n)
		nthreads = jobs->n ? (int)jobs->n : 1;

	if (nthreads <= 1) {
		for (size_t i = 0; i < jobs->n; i++) {
			struct pagelife_result res;
			run_one(s, &jobs->v[i], &res);
			emit_result(opt, rep, fixes, jobs->v[i].file, &res, &t);
		}
	} else {
		struct pool p = { s, jobs, xcalloc(jobs->n, sizeof(struct pagelife_result)), xcalloc(jobs->n, 1), 0,
				  PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER };
		pthread_t *th = xcalloc((size_t)nthreads, sizeof(pthread_t));
		for (int i = 0; i < nthreads; i++)
			pthread_create(&th[i], NULL, worker, &p);
		/* print in list order as results arrive */
		for (size_t i = 0; i < jobs->n; i++) {
			pthread_mutex_lock(&p.lock);
			while (!p.done[i])
				pthread_cond_wait(&p.cond, &p.lock);
			pthread_mutex_unlock(&p.lock);
			emit_result(opt, rep, fixes, jobs->v[i].file, &p.results[i], &t);
		}
		for (int i = 0; i < nthreads; i++)
			pthread_join(th[i], NULL);
		free(th);
		free(p.results);
		free(p.done);
	}
	report_close(rep);
	if (fixes && fixes_export_close(fixes)) {
		fprintf(stderr, "pagelife: error: cannot write %s\n", opt->export_fixes);
		t.errors = 1;
	}

	if (opt->stats) {
		fprintf(stderr, "pagelife: %zu TUs, %zu analysed, %zu failed, %zu functions, %zu findings\n", t.tus,
			t.analysed, t.failed, t.functions, t.findings);
		if (t.baseline)
			fprintf(stderr, "pagelife: %zu findings in the baseline not reported\n", t.baselined);
		if (t.unconverged)
			fprintf(stderr, "pagelife: %zu functions hit the fixpoint round limit\n", t.unconverged);
		if (t.one_path)
			fprintf(stderr, "pagelife: %zu functions fell back to one path state per block\n", t.one_path);
		for (size_t c = 0; c < pagelife_check_count(); c++)
			fprintf(stderr, "pagelife: %s: %zu\n", pagelife_check_id(c), t.per_check[c]);
	}
	free(t.per_check);
	baseline_free(&base);
	if (t.write && baseline_writer_save(t.write, opt->write_baseline, err, sizeof(err))) {
		fprintf(stderr, "pagelife: error: %s\n", err);
		return 2;
	}
	if (opt->kbuild)
		return 0; /* as sparse: never fail the kernel build */
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
