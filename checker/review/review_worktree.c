/* The temporary git worktree each state of the series is checked out in.
 * It lives in a directory of our own under $TMPDIR and is removed, with its
 * entry in the repository, on every way out of review_main(). */
#include "review_ctx.h"
#include "git_run.h"
#include "util.h"

#include <ftw.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int review_worktree_open(struct review_ctx *c, const char *commit)
{
	const char *tmp = getenv("TMPDIR");
	char *tmpl = xasprintf("%s/pagelife-review-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(tmpl)) {
		fprintf(stderr, "pagelife: error: cannot make a temporary directory from %s\n", tmpl);
		free(tmpl);
		return -1;
	}
	c->tmpdir = tmpl;
	c->checkout = xasprintf("%s/tree", tmpl);
	const char *args[] = { "worktree", "add", "-q", "--detach", c->checkout, commit, NULL };
	if (git_run(c->repo, args, NULL, 0)) {
		fprintf(stderr, "pagelife: error: git worktree add %s %s failed\n", c->checkout, commit);
		return -1;
	}
	c->checked_out = xstrdup(commit);
	return 0;
}

int review_worktree_checkout(struct review_ctx *c, const char *commit)
{
	if (c->checked_out && !strcmp(c->checked_out, commit))
		return 0;
	const char *args[] = { "checkout", "-q", "--detach", commit, NULL };
	if (git_run(c->checkout, args, NULL, 0)) {
		fprintf(stderr, "pagelife: error: cannot check out %s\n", commit);
		return -1;
	}
	free(c->checked_out);
	c->checked_out = xstrdup(commit);
	return 0;
}

int review_worktree_am(struct review_ctx *c, const char *mbox)
{
	char *abs = mbox[0] == '/' ? xstrdup(mbox) : NULL;
	if (!abs) {
		char *cwd = getcwd(NULL, 0);
		abs = xasprintf("%s/%s", cwd ? cwd : ".", mbox);
		free(cwd);
	}
	/* The committer of these temporary commits does not matter; the
	 * authors come from the mbox. */
	const char *args[] = { "-c", "user.name=pagelife review", "-c", "user.email=pagelife-review@localhost",
			       "am", "-q", "--", abs, NULL };
	int rc = git_run(c->checkout, args, NULL, 0);
	free(abs);
	if (rc) {
		const char *abort_args[] = { "am", "--abort", NULL };
		git_run(c->checkout, abort_args, NULL, 1);
		fprintf(stderr, "pagelife: error: the mbox %s does not apply with git am on %s\n", mbox, c->opt.base);
		return -1;
	}
	free(c->checked_out);
	c->checked_out = NULL; /* HEAD moved */
	return 0;
}

static int remove_entry(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	(void)st;
	(void)type;
	(void)ftw;
	remove(path);
	return 0;
}

void review_worktree_close(struct review_ctx *c)
{
	if (c->checkout && c->repo) {
		const char *args[] = { "worktree", "remove", "--force", c->checkout, NULL };
		git_run(c->repo, args, NULL, 1);
	}
	if (c->tmpdir) {
		nftw(c->tmpdir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
		if (c->repo) {
			const char *args[] = { "worktree", "prune", NULL };
			git_run(c->repo, args, NULL, 1);
		}
	}
	free(c->tmpdir);
	free(c->checkout);
	free(c->checked_out);
	c->tmpdir = c->checkout = c->checked_out = NULL;
}
