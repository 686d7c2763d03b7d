#include "driver.h"
#include "report.h"
#include "util.h"
#include "workers.h"

#include <stdlib.h>
#include <string.h>

struct totals {
	size_t tus, analysed, failed, abandoned, functions, unconverged, one_path, coarse, skipped, findings;
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
	t->coarse += res->coarse;
	t->skipped += res->skipped;
	t->findings += res->nfindings;
	for (size_t i = 0; i < res->nfindings; i++)
		for (size_t c = 0; c < pagelife_check_count(); c++)
			if (!strcmp(res->findings[i].check, pagelife_check_id(c)))
				t->per_check[c]++;
	pagelife_result_free(res);
}

struct emit_ctx {
	const struct pl_options *opt;
	struct report *rep;
	const struct pagelife_commands *jobs;
	struct totals *t;
};

static void on_done(void *data, size_t job, struct pagelife_result *res, const char *abandoned)
{
	struct emit_ctx *c = data;
	if (abandoned) {
		/* one line, whatever the kbuild mode: nothing was checked */
		fflush(stdout);
		fprintf(stderr, "pagelife: error: %s: %s (analysis abandoned)\n", c->jobs->v[job].file, abandoned);
		c->t->tus++;
		c->t->abandoned++;
		c->t->errors = 1;
		return;
	}
	emit_result(c->opt, c->rep, c->jobs->v[job].file, res, c->t);
}

int run_jobs(struct pagelife_session *s, const struct pl_options *opt, const struct pagelife_commands *jobs)
{
	struct totals t = { 0 };
	t.per_check = xcalloc(pagelife_check_count(), sizeof(size_t));
	struct report *rep = report_open(opt->format, stdout);
	struct emit_ctx c = { opt, rep, jobs, &t };
	struct worker_limits lim = { opt->jobs, opt->max_memory, opt->timeout };
	workers_run(s, jobs, &lim, on_done, &c);
	report_close(rep);

	if (opt->stats) {
		fprintf(stderr, "pagelife: %zu TUs, %zu analysed, %zu failed, %zu abandoned, %zu functions, %zu findings\n",
			t.tus, t.analysed, t.failed, t.abandoned, t.functions, t.findings);
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
	if (opt->kbuild)
		return 0; /* as sparse: never fail the kernel build (abandoned TUs are on stderr) */
	if (t.errors)
		return 2;
	return t.findings ? 1 : 0;
}
