/* Each patch's TUs analysed before and after it, and the findings compared
 * by key.  Analyses are kept per commit, so the after state of one patch is
 * the before state of the next without a second analysis. */
#include "review_ctx.h"
#include "compdb_map.h"
#include "interrupt.h"
#include "review_key.h"
#include "tree_paths.h"
#include "util.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* A path clang reported, relative to the source root when it is in the
 * checkout or in the root. Caller frees. */
static char *relative(const struct review_ctx *c, const char *path)
{
	char *norm = path_join_normal(NULL, path);
	const char *rel = path_under(norm, c->checkout);
	if (!rel)
		rel = path_under(norm, c->root);
	char *r = xstrdup(rel ? rel : norm);
	free(norm);
	return r;
}

static struct review_state *state_for(struct review_ctx *c, const char *commit)
{
	for (size_t i = 0; i < c->nstates; i++)
		if (!strcmp(c->states[i].commit, commit))
			return &c->states[i];
	grow_array((void **)&c->states, &c->cstates, c->nstates + 1, sizeof(*c->states));
	struct review_state *s = &c->states[c->nstates++];
	s->commit = xstrdup(commit);
	s->res = xcalloc(c->ntus ? c->ntus : 1, sizeof(*s->res));
	s->done = xcalloc(c->ntus ? c->ntus : 1, 1);
	return s;
}

/* ---- analysing TUs at one commit, -j at a time ------------------------- */

struct job {
	char *file;
	char **args;
	size_t nargs;
	size_t tu;
	struct pagelife_result *out;
	int ran;
};

struct pool {
	struct pagelife_session *session;
	struct job *jobs;
	size_t njobs, next;
	pthread_mutex_t lock;
};

static void run_job(struct pagelife_session *s, struct job *j)
{
	j->ran = 1;
	if (!path_exists(j->file)) {
		/* not in this commit (added or removed by the series): no findings */
		memset(j->out, 0, sizeof(*j->out));
		return;
	}
	pagelife_analyse(s, j->file, (const char *const *)j->args, j->nargs, NULL, 0, j->out);
}

static void *worker(void *arg)
{
	struct pool *p = arg;
	for (;;) {
		pthread_mutex_lock(&p->lock);
		size_t i = p->next++;
		pthread_mutex_unlock(&p->lock);
		if (i >= p->njobs || interrupt_pending())
			return NULL;
		run_job(p->session, &p->jobs[i]);
	}
}

static void remember_includes(struct review_ctx *c, struct review_tu *t, const struct pagelife_result *r)
{
	for (size_t i = 0; i < t->nincludes; i++)
		free(t->includes[i]);
	free(t->includes);
	t->includes = xcalloc(r->nincludes ? r->nincludes : 1, sizeof(char *));
	for (size_t i = 0; i < r->nincludes; i++)
		t->includes[i] = relative(c, r->includes[i]);
	t->nincludes = r->nincludes;
	t->analysed = 1;
}

static int analyse_at(struct review_ctx *c, const char *commit, const size_t *tus, size_t ntus)
{
	struct review_state *st = state_for(c, commit);
	int needed = 0;
	for (size_t i = 0; i < ntus; i++)
		needed |= !st->done[tus[i]];
	/* check out first: mapping asks which paths the checkout has */
	if (needed && review_worktree_checkout(c, commit))
		return -1;
	struct pool p = { c->session, xcalloc(ntus ? ntus : 1, sizeof(struct job)), 0, 0, PTHREAD_MUTEX_INITIALIZER };
	for (size_t i = 0; i < ntus; i++) {
		if (st->done[tus[i]])
			continue;
		struct job *j = &p.jobs[p.njobs++];
		compdb_map(c->tus[tus[i]].cmd, c->root, c->checkout, &j->file, &j->args, &j->nargs);
		j->tu = tus[i];
		j->out = &st->res[tus[i]];
	}
	size_t nthreads = (size_t)c->opt.jobs < p.njobs ? (size_t)c->opt.jobs : p.njobs;
	if (nthreads <= 1) {
		for (size_t i = 0; i < p.njobs && !interrupt_pending(); i++)
			run_job(c->session, &p.jobs[i]);
	} else {
		pthread_t *th = xcalloc(nthreads, sizeof(pthread_t));
		for (size_t i = 0; i < nthreads; i++)
			pthread_create(&th[i], NULL, worker, &p);
		for (size_t i = 0; i < nthreads; i++)
			pthread_join(th[i], NULL);
		free(th);
	}
	int interrupted = interrupt_pending();
	for (size_t i = 0; i < p.njobs; i++) {
		struct review_tu *t = &c->tus[p.jobs[i].tu];
		struct pagelife_result *r = p.jobs[i].out;
		if (!p.jobs[i].ran)
			continue;
		st->done[p.jobs[i].tu] = 1;
		if (r->fatal) {
			fprintf(stderr, "pagelife: error: %s at %.12s: %s\n", t->rel, commit, r->error ? r->error : "not analysed");
		} else if (r->error) {
			fprintf(stderr, "pagelife: warning: %s at %.12s: %s\n", t->rel, commit, r->error);
		}
		if (!r->fatal && r->nincludes)
			remember_includes(c, t, r);
	}
	for (size_t i = 0; i < p.njobs; i++) {
		free(p.jobs[i].file);
		pagelife_free_args(p.jobs[i].args, p.jobs[i].nargs);
	}
	free(p.jobs);
	if (interrupted) {
		/* results of jobs that never ran are zeroed: not marked done */
		fprintf(stderr, "pagelife: review interrupted; removing %s\n", c->tmpdir);
		return -1;
	}
	return 0;
}

/* ---- which TUs a patch touches ------------------------------------------ */

/* A changed file other than a TU's source that a TU may include. */
static int maybe_included(const char *file)
{
	static const char *const exts[] = { ".h", ".c", ".inc", ".def", NULL };
	for (int i = 0; exts[i]; i++)
		if (str_ends(file, exts[i]))
			return 1;
	return 0;
}

static int is_tu_source(const struct review_ctx *c, const char *file)
{
	for (size_t t = 0; t < c->ntus; t++)
		if (!strcmp(c->tus[t].rel, file))
			return 1;
	return 0;
}

static int tu_touched(const struct review_tu *t, const struct review_patch *p)
{
	for (size_t i = 0; i < p->nchanged; i++) {
		if (!strcmp(t->rel, p->changed[i]))
			return 1;
		for (size_t j = 0; j < t->nincludes; j++)
			if (!strcmp(t->includes[j], p->changed[i]))
				return 1;
	}
	return 0;
}

/* ---- comparing ----------------------------------------------------------- */

static void to_review_finding(const struct review_ctx *c, const struct pagelife_finding *f, struct review_finding *out)
{
	memset(out, 0, sizeof(*out));
	out->check = f->check;
	out->file = relative(c, f->loc.file);
	out->line = f->loc.line;
	out->column = f->loc.column;
	out->function = xstrdup(f->function ? f->function : "");
	out->message = xstrdup(f->message);
	out->key = review_key(f, out->file);
	out->notes = xcalloc(f->nnotes ? f->nnotes : 1, sizeof(*out->notes));
	out->nnotes = f->nnotes;
	for (size_t i = 0; i < f->nnotes; i++) {
		out->notes[i].file = relative(c, f->notes[i].loc.file);
		out->notes[i].line = f->notes[i].loc.line;
		out->notes[i].column = f->notes[i].loc.column;
		out->notes[i].text = xstrdup(f->notes[i].text);
	}
}

void review_finding_free(struct review_finding *f)
{
	free(f->file);
	free(f->function);
	free(f->message);
	free(f->key);
	for (size_t i = 0; i < f->nnotes; i++) {
		free(f->notes[i].file);
		free(f->notes[i].text);
	}
	free(f->notes);
}

/* Append f unless the list has it already (a header's finding reached
 * through two TUs); takes f either way. */
static void add_unique(struct review_finding **list, size_t *n, struct review_finding *f)
{
	for (size_t i = 0; i < *n; i++) {
		struct review_finding *g = &(*list)[i];
		if (!strcmp(g->key, f->key) && !strcmp(g->file, f->file) && g->line == f->line && g->column == f->column) {
			review_finding_free(f);
			return;
		}
	}
	*list = xrealloc(*list, (*n + 1) * sizeof(**list));
	(*list)[(*n)++] = *f;
}

/* One TU: after's findings with no partner of the same key in before are
 * added, before's left without one are removed (a multiset difference). */
static void compare_tu(const struct review_ctx *c, const struct pagelife_result *before,
		       const struct pagelife_result *after, struct review_patch *p)
{
	struct review_finding *b = xcalloc(before->nfindings + 1, sizeof(*b));
	unsigned char *used = xcalloc(before->nfindings + 1, 1);
	for (size_t i = 0; i < before->nfindings; i++)
		to_review_finding(c, &before->findings[i], &b[i]);
	for (size_t i = 0; i < after->nfindings; i++) {
		struct review_finding a;
		to_review_finding(c, &after->findings[i], &a);
		size_t j = 0;
		while (j < before->nfindings && (used[j] || strcmp(b[j].key, a.key)))
			j++;
		if (j < before->nfindings) {
			used[j] = 1;
			review_finding_free(&a);
		} else {
			add_unique(&p->added, &p->nadded, &a);
		}
	}
	for (size_t j = 0; j < before->nfindings; j++)
		if (!used[j])
			add_unique(&p->removed, &p->nremoved, &b[j]);
		else
			review_finding_free(&b[j]);
	free(b);
	free(used);
}

int review_analyse_series(struct review_ctx *c)
{
	int scan = 0; /* a patch changes a file TUs may include: learn who does */
	for (size_t i = 0; i < c->npatches; i++)
		for (size_t j = 0; j < c->patches[i].nchanged; j++)
			if (maybe_included(c->patches[i].changed[j]) && !is_tu_source(c, c->patches[i].changed[j]))
				scan = 1;
	if (scan && c->npatches) {
		size_t *all = xcalloc(c->ntus ? c->ntus : 1, sizeof(size_t));
		for (size_t t = 0; t < c->ntus; t++)
			all[t] = t;
		int rc = analyse_at(c, c->patches[0].parent, all, c->ntus);
		free(all);
		if (rc)
			return -1;
	}
	for (size_t i = 0; i < c->npatches; i++) {
		struct review_patch *p = &c->patches[i];
		p->tus = xcalloc(c->ntus ? c->ntus : 1, sizeof(size_t));
		for (size_t t = 0; t < c->ntus; t++)
			if (tu_touched(&c->tus[t], p))
				p->tus[p->ntus++] = t;
		if (analyse_at(c, p->parent, p->tus, p->ntus) || analyse_at(c, p->commit, p->tus, p->ntus))
			return -1;
		struct review_state *before = state_for(c, p->parent), *after = state_for(c, p->commit);
		for (size_t k = 0; k < p->ntus; k++) {
			/* a TU of the base scan that no patch touches does not fail the run */
			if (before->res[p->tus[k]].fatal || after->res[p->tus[k]].fatal)
				c->failed = 1;
			compare_tu(c, &before->res[p->tus[k]], &after->res[p->tus[k]], p);
		}
	}
	return 0;
}

void review_ctx_free_analyses(struct review_ctx *c)
{
	for (size_t i = 0; i < c->nstates; i++) {
		for (size_t t = 0; t < c->ntus; t++)
			if (c->states[i].done[t])
				pagelife_result_free(&c->states[i].res[t]);
		free(c->states[i].res);
		free(c->states[i].done);
		free(c->states[i].commit);
	}
	free(c->states);
	c->states = NULL;
	c->nstates = c->cstates = 0;
}
