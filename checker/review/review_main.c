/* `pagelife review`: find the repository, the compile database and the
 * series, analyse each patch's TUs before and after it in a temporary
 * worktree, print what each patch adds and removes, clean up. */
#include "review.h"
#include "review_ctx.h"
#include "git_run.h"
#include "interrupt.h"
#include "tree_paths.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char *absolute(const char *path)
{
	char *cwd = getcwd(NULL, 0);
	char *abs = path_join_normal(cwd ? cwd : "/", path);
	free(cwd);
	return abs;
}

static int find_repository(struct review_ctx *c)
{
	const char *dir = c->opt.repo_dir ? c->opt.repo_dir : ".";
	const char *args[] = { "rev-parse", "--show-toplevel", NULL };
	c->repo = git_line(dir, args);
	if (!c->repo || !*c->repo) {
		fprintf(stderr, "pagelife: error: %s is not in a git work tree (use -C DIR)\n", dir);
		return -1;
	}
	c->root = c->opt.source_root ? absolute(c->opt.source_root) : xstrdup(c->repo);
	return 0;
}

static int load_tus(struct review_ctx *c)
{
	char *err = NULL;
	if (pagelife_compile_commands_load(c->opt.build_dir, NULL, 0, &c->cmds, &err)) {
		fprintf(stderr, "pagelife: error: %s\n", err);
		free(err);
		return -1;
	}
	c->ntus = c->cmds.n;
	c->tus = xcalloc(c->ntus ? c->ntus : 1, sizeof(*c->tus));
	for (size_t i = 0; i < c->ntus; i++) {
		const struct pagelife_command *cmd = &c->cmds.v[i];
		char *abs = path_join_normal(cmd->directory, cmd->file);
		const char *rel = path_under(abs, c->root);
		c->tus[i].cmd = cmd;
		c->tus[i].rel = xstrdup(rel ? rel : abs);
		free(abs);
	}
	return 0;
}

/* The mbox applied on top of --base: the series is base..(the checkout's HEAD). */
static int apply_mbox(struct review_ctx *c, char **range)
{
	if (c->opt.base[0] == '-') {
		fprintf(stderr, "pagelife: error: --base '%s' is not a revision\n", c->opt.base);
		return -1;
	}
	char *spec = xasprintf("%s^{commit}", c->opt.base);
	const char *args[] = { "rev-parse", "--verify", "-q", spec, NULL };
	char *base = git_line(c->repo, args);
	free(spec);
	if (!base) {
		fprintf(stderr, "pagelife: error: --base %s is not a commit of %s\n", c->opt.base, c->repo);
		return -1;
	}
	int rc = review_worktree_open(c, base) || review_worktree_am(c, c->opt.mbox);
	if (!rc) {
		const char *head_args[] = { "rev-parse", "HEAD", NULL };
		char *head = git_line(c->checkout, head_args);
		if (head)
			*range = xasprintf("%s..%s", base, head);
		free(head);
		rc = head ? 0 : -1;
	}
	free(base);
	return rc;
}

static int run(struct review_ctx *c)
{
	if (find_repository(c) || load_tus(c))
		return 2;
	struct pagelife_config cfg = { .policy = c->opt.policy, .checks = c->opt.checks };
	char *err = NULL;
	if (pagelife_session_open(&cfg, &c->session, &err)) {
		fprintf(stderr, "pagelife: error: %s\n", err);
		free(err);
		return 2;
	}
	char *range = NULL;
	if (c->opt.mbox) {
		if (apply_mbox(c, &range))
			return 2;
	} else if (c->opt.range[0] == '-') {
		fprintf(stderr, "pagelife: error: '%s' is not a range\n", c->opt.range);
		return 2;
	} else {
		range = xstrdup(c->opt.range);
	}
	int rc = review_series_load(c, range);
	free(range);
	if (rc)
		return 2;
	if (!c->checkout && review_worktree_open(c, c->patches[0].parent))
		return 2;
	if (review_analyse_series(c))
		return 2;
	if (c->opt.format == REVIEW_JSON)
		review_print_json(c, stdout);
	else
		review_print_text(c, stdout);
	if (c->failed)
		return 2;
	for (size_t i = 0; i < c->npatches; i++)
		if (c->patches[i].nadded)
			return 1;
	return 0;
}

static void free_patch(struct review_patch *p)
{
	free(p->commit);
	free(p->parent);
	free(p->subject);
	for (size_t i = 0; i < p->nchanged; i++)
		free(p->changed[i]);
	free(p->changed);
	free(p->tus);
	for (size_t i = 0; i < p->nadded; i++)
		review_finding_free(&p->added[i]);
	free(p->added);
	for (size_t i = 0; i < p->nremoved; i++)
		review_finding_free(&p->removed[i]);
	free(p->removed);
}

int review_main(int argc, char **argv)
{
	struct review_ctx c;
	memset(&c, 0, sizeof(c));
	char err[512];
	if (review_options_parse(&c.opt, argc, argv, err, sizeof(err))) {
		fprintf(stderr, "pagelife: error: %s\n", err);
		return 2;
	}
	if (c.opt.help) {
		review_usage(stdout);
		return 0;
	}
	sigset_t saved;
	interrupt_hold(&saved);
	int status = run(&c);
	review_worktree_close(&c);
	review_ctx_free_analyses(&c);
	for (size_t i = 0; i < c.npatches; i++)
		free_patch(&c.patches[i]);
	free(c.patches);
	for (size_t i = 0; i < c.ntus; i++) {
		free(c.tus[i].rel);
		for (size_t j = 0; j < c.tus[i].nincludes; j++)
			free(c.tus[i].includes[j]);
		free(c.tus[i].includes);
	}
	free(c.tus);
	pagelife_commands_free(&c.cmds);
	pagelife_session_close(c.session);
	free(c.repo);
	free(c.root);
	interrupt_release(&saved);
	return status;
}
