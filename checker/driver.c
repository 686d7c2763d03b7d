#include "driver.h"
#include "util.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

struct pool {
	const struct pl_ctx *ctx;
	const struct tu_jobs *jobs;
	struct tu_result *results;
	char *done;
	size_t next;          /* next job to take */
	pthread_mutex_t lock;
	pthread_cond_t cond;
};

static void run_one(const struct pl_ctx *ctx, CXIndex index, const struct tu_job *job, struct tu_result *res)
{
	analyse_tu(ctx, index, job->file, &job->args, res);
}

static void *worker(void *arg)
{
	struct pool *p = arg;
	CXIndex index = clang_createIndex(0, 0);
	for (;;) {
		pthread_mutex_lock(&p->lock);
		size_t i = p->next++;
		pthread_mutex_unlock(&p->lock);
		if (i >= p->jobs->n)
			break;
		struct tu_result res;
		run_one(p->ctx, index, &p->jobs->v[i], &res);
		pthread_mutex_lock(&p->lock);
		p->results[i] = res;
		p->done[i] = 1;
		pthread_cond_broadcast(&p->cond);
		pthread_mutex_unlock(&p->lock);
	}
	clang_disposeIndex(index);
	return NULL;
}

struct totals {
	size_t tus, analysed, failed, functions, unconverged, one_path, findings;
	size_t *per_check;
	int errors;
};

static void emit_result(const struct pl_ctx *ctx, struct tu_result *res, struct totals *t)
{
	struct strbuf out = { 0 };
	if (ctx->opt->dump_cfg && res->dump.buf)
		sb_add(&out, res->dump.buf);
	if (ctx->opt->format == FORMAT_JSON)
		findings_print_json(&res->findings, &out);
	else
		findings_print_text(&res->findings, &out);
	if (out.len)
		fwrite(out.buf, 1, out.len, stdout);
	fflush(stdout);
	sb_free(&out);
	if (res->error) {
		fprintf(stderr, "pagelife: %s: %s\n", ctx->opt->kbuild ? "warning" : "error", res->error);
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
	t->findings += res->findings.n;
	for (size_t i = 0; i < res->findings.n; i++)
		for (size_t c = 0; c < pl_num_checks; c++)
			if (!strcmp(res->findings.v[i].check, pl_all_checks[c]->id))
				t->per_check[c]++;
	tu_result_free(res);
}

int run_jobs(const struct pl_ctx *ctx, const struct tu_jobs *jobs)
{
	struct totals t = { 0 };
	t.per_check = xcalloc(pl_num_checks, sizeof(size_t));
	int nthreads = ctx->opt->jobs;
	if ((size_t)nthreads > jobs->n)
		nthreads = jobs->n ? (int)jobs->n : 1;

	if (nthreads <= 1) {
		CXIndex index = clang_createIndex(0, 0);
		for (size_t i = 0; i < jobs->n; i++) {
			struct tu_result res;
			run_one(ctx, index, &jobs->v[i], &res);
			emit_result(ctx, &res, &t);
		}
		clang_disposeIndex(index);
	} else {
		struct pool p = { ctx, jobs, xcalloc(jobs->n, sizeof(struct tu_result)), xcalloc(jobs->n, 1), 0,
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
			emit_result(ctx, &p.results[i], &t);
		}
		for (int i = 0; i < nthreads; i++)
			pthread_join(th[i], NULL);
		free(th);
		free(p.results);
		free(p.done);
	}

	if (ctx->opt->stats) {
		fprintf(stderr, "pagelife: %zu TUs, %zu analysed, %zu failed, %zu functions, %zu findings\n", t.tus,
			t.analysed, t.failed, t.functions, t.findings);
		if (t.unconverged)
			fprintf(stderr, "pagelife: %zu functions hit the fixpoint round limit\n", t.unconverged);
		if (t.one_path)
			fprintf(stderr, "pagelife: %zu functions fell back to one path state per block\n", t.one_path);
		for (size_t c = 0; c < pl_num_checks; c++)
			fprintf(stderr, "pagelife: %s: %zu\n", pl_all_checks[c]->id, t.per_check[c]);
	}
	free(t.per_check);
	if (ctx->opt->kbuild)
		return 0; /* as sparse: never fail the kernel build */
	if (t.errors)
		return 2;
	return t.findings ? 1 : 0;
}
