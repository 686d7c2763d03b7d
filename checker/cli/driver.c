#include "cache.h"
#include "driver.h"
#include "report.h"
#include "util.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

struct pool {
	struct pagelife_session *s;
	struct result_cache *cache;
	const struct pagelife_commands *jobs;
	struct pagelife_result *results;
	char *done;
	size_t next;          /* next job to take */
	pthread_mutex_t lock;
	pthread_cond_t cond;
};

static void run_one(struct pagelife_session *s, struct result_cache *cache, const struct pagelife_command *job,
		    struct pagelife_result *res)
{
	struct cache_ticket ticket;
	if (cache && cache_lookup(cache, job, res, &ticket))
		return;
	pagelife_analyse(s, job->file, (const char *const *)job->args, job->nargs, NULL, 0, res);
	if (cache)
		cache_store(cache, job, &ticket, res);
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
		run_one(p->s, p->cache, &p->jobs->v[i], &res);
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
	size_t *per_check;
	int errors;
};

static void emit_result(const struct pl_options *opt, struct report *rep, const char *file,
			struct pagelife_result *res, struct totals *t)
{
	if (opt->dump_cfg && res->cfg_dump) {
		fputs(res->cfg_dump, stdout);
		fflush(stdout);
	}
	report_tu(rep, file, res);
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
	t->findings += res->nfindings;
	for (size_t i = 0; i < res->nfindings; i++)
		for (size_t c = 0; c < pagelife_check_count(); c++)
			if (!strcmp(res->findings[i].check, pagelife_check_id(c)))
				t->per_check[c]++;
	pagelife_result_free(res);
}

int run_jobs(struct pagelife_session *s, struct result_cache *cache, const struct pl_options *opt,
	     const struct pagelife_commands *jobs)
{
	struct totals t = { 0 };
	t.per_check = xcalloc(pagelife_check_count(), sizeof(size_t));
	struct report *rep = report_open(opt->format, stdout);
	int nthreads = opt->jobs;
	if ((size_t)nthreads > jobs->n)
		nthreads = jobs->n ? (int)jobs->n : 1;

	if (nthreads <= 1) {
		for (size_t i = 0; i < jobs->n; i++) {
			struct pagelife_result res;
			run_one(s, cache, &jobs->v[i], &res);
			emit_result(opt, rep, jobs->v[i].file, &res, &t);
		}
	} else {
		struct pool p = { s, cache, jobs, xcalloc(jobs->n, sizeof(struct pagelife_result)), xcalloc(jobs->n, 1), 0,
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
			emit_result(opt, rep, jobs->v[i].file, &p.results[i], &t);
		}
		for (int i = 0; i < nthreads; i++)
			pthread_join(th[i], NULL);
		free(th);
		free(p.results);
		free(p.done);
	}
	report_close(rep);

	if (opt->stats) {
		fprintf(stderr, "pagelife: %zu TUs, %zu analysed, %zu failed, %zu functions, %zu findings\n", t.tus,
			t.analysed, t.failed, t.functions, t.findings);
		if (t.unconverged)
			fprintf(stderr, "pagelife: %zu functions hit the fixpoint round limit\n", t.unconverged);
		if (t.one_path)
			fprintf(stderr, "pagelife: %zu functions fell back to one path state per block\n", t.one_path);
		for (size_t c = 0; c < pagelife_check_count(); c++)
			fprintf(stderr, "pagelife: %s: %zu\n", pagelife_check_id(c), t.per_check[c]);
	}
	free(t.per_check);
	if (opt->kbuild)
		return 0; /* as sparse: never fail the kernel build */
	if (t.errors)
		return 2;
	return t.findings ? 1 : 0;
}
