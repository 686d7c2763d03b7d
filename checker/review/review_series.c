/* The patches of a series, read from git: commits, subjects, changed files
 * and the lines each patch added. */
#include "review_ctx.h"
#include "git_run.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

static char **split_lines(char *text, size_t *n)
{
	char **v = NULL;
	size_t cap = 0;
	*n = 0;
	for (char *save = NULL, *l = strtok_r(text, "\n", &save); l; l = strtok_r(NULL, "\n", &save))
		VEC_PUSH(v, *n, cap, l);
	return v;
}

static int load_changed(struct review_ctx *c, struct review_patch *p)
{
	const char *args[] = { "-c", "core.quotePath=false", "diff", "--name-only", "--no-renames", p->parent,
			       p->commit, "--", NULL };
	char *out = NULL;
	if (git_run(c->repo, args, &out, 0)) {
		free(out);
		fprintf(stderr, "pagelife: error: git diff %s %s failed\n", p->parent, p->commit);
		return -1;
	}
	size_t n;
	char **lines = split_lines(out, &n);
	p->changed = xcalloc(n ? n : 1, sizeof(char *));
	for (size_t i = 0; i < n; i++)
		p->changed[i] = xstrdup(lines[i]);
	p->nchanged = n;
	free(lines);
	free(out);
	return 0;
}

int review_series_load(struct review_ctx *c, const char *range)
{
	const char *args[] = { "log", "--reverse", "--format=%H%x09%P%x09%s", "--end-of-options", range, NULL };
	char *out = NULL;
	if (git_run(c->repo, args, &out, 0)) {
		free(out);
		fprintf(stderr, "pagelife: error: git log %s failed\n", range);
		return -1;
	}
	size_t n;
	char **lines = split_lines(out, &n);
	int ret = 0;
	c->patches = xcalloc(n ? n : 1, sizeof(*c->patches));
	for (size_t i = 0; i < n && !ret; i++) {
		char *commit = lines[i], *parents = strchr(commit, '\t'), *subject = NULL;
		if (parents) {
			*parents++ = 0;
			subject = strchr(parents, '\t');
		}
		if (!subject) {
			fprintf(stderr, "pagelife: error: cannot read git log output '%s'\n", lines[i]);
			ret = -1;
			break;
		}
		*subject++ = 0;
		if (!*parents || strchr(parents, ' ')) {
			fprintf(stderr, "pagelife: error: %.12s is a %s; review takes a series of patches\n", commit,
				*parents ? "merge" : "root commit");
			ret = -1;
			break;
		}
		struct review_patch *p = &c->patches[c->npatches++];
		p->commit = xstrdup(commit);
		p->parent = xstrdup(parents);
		p->subject = xstrdup(subject);
		ret = load_changed(c, p);
	}
	if (!ret && !n) {
		fprintf(stderr, "pagelife: error: %s holds no commits\n", range);
		ret = -1;
	}
	free(lines);
	free(out);
	return ret;
}

void review_patch_added_lines(const struct review_ctx *c, const struct review_patch *p, const char *file,
			      unsigned **lines, size_t *nlines)
{
	const char *args[] = { "diff", "-U0", "--no-renames", p->parent, p->commit, "--", file, NULL };
	char *out = NULL;
	size_t cap = 0;
	*lines = NULL;
	*nlines = 0;
	if (git_run(c->repo, args, &out, 1) == 0) {
		/* hunk headers: @@ -a[,b] +start[,count] @@ */
		for (char *h = strstr(out, "\n@@ "); h; h = strstr(h + 1, "\n@@ ")) {
			char *plus = strstr(h, " +");
			if (!plus)
				break;
			char *end;
			unsigned long start = strtoul(plus + 2, &end, 10), count = 1;
			if (*end == ',')
				count = strtoul(end + 1, NULL, 10);
			for (unsigned long l = start; l < start + count; l++)
				VEC_PUSH(*lines, *nlines, cap, (unsigned)l);
		}
	}
	free(out);
}

char *review_file_at(const struct review_ctx *c, const char *commit, const char *file)
{
	char *spec = xasprintf("%s:%s", commit, file);
	const char *args[] = { "show", spec, NULL };
	char *out = NULL;
	if (git_run(c->repo, args, &out, 1)) {
		free(out);
		out = NULL;
	}
	free(spec);
	return out;
}
