#include "compile_flags.h"
#include "pagelife.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* dir/name exists: returns the directory holding it (dir, or dir/sub). */
static char *has_file(const char *dir, const char *name, int try_build)
{
	char *p = xasprintf("%s/%s", dir, name);
	int ok = access(p, R_OK) == 0;
	free(p);
	if (ok)
		return xstrdup(dir);
	if (!try_build)
		return NULL;
	char *b = xasprintf("%s/build", dir);
	char *r = has_file(b, name, 0);
	free(b);
	return r;
}

/* The nearest ancestor directory of path holding name. */
static char *search_up(const char *path, const char *name, int try_build)
{
	char *dir = xstrdup(path);
	for (;;) {
		char *slash = strrchr(dir, '/');
		if (!slash)
			break;
		*slash = '\0';
		char *found = has_file(*dir ? dir : "/", name, try_build);
		if (found || !*dir) {
			free(dir);
			return found;
		}
	}
	free(dir);
	return NULL;
}

static int from_compdb(const char *path, const char *dir, struct file_flags *out)
{
	struct pagelife_commands cmds;
	char *err = NULL;
	const char *files[] = { path };
	if (pagelife_compile_commands_load(dir, files, 1, &cmds, &err) || cmds.n == 0) {
		free(err);
		pagelife_commands_free(&cmds);
		return -1;
	}
	out->args = cmds.v[0].args;
	out->nargs = cmds.v[0].nargs;
	cmds.v[0].args = NULL;
	cmds.v[0].nargs = 0;
	pagelife_commands_free(&cmds);
	out->source = FLAGS_COMPDB;
	out->where = xstrdup(dir);
	return 0;
}

static int from_flags_txt(const char *path, struct file_flags *out)
{
	char *dir = search_up(path, "compile_flags.txt", 0);
	if (!dir)
		return -1;
	char *p = xasprintf("%s/compile_flags.txt", dir);
	FILE *f = fopen(p, "r");
	free(p);
	if (!f) {
		free(dir);
		return -1;
	}
	char **raw = NULL;
	size_t n = 0, cap = 0;
	char *line = NULL;
	size_t lcap = 0;
	ssize_t len;
	while ((len = getline(&line, &lcap, f)) >= 0) {
		while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			line[--len] = '\0';
		if (len) /* relative paths: relative to compile_flags.txt, as clangd reads them */
			VEC_PUSH(raw, n, cap, xstrdup(line));
	}
	free(line);
	fclose(f);
	VEC_PUSH(raw, n, cap, xstrdup("-working-directory"));
	VEC_PUSH(raw, n, cap, xstrdup(dir));
	pagelife_filter_flags((const char *const *)raw, n, &out->args, &out->nargs);
	pagelife_free_args(raw, n);
	out->source = FLAGS_TXT;
	out->where = dir;
	return 0;
}

void compile_flags_for(const char *path, const char *compdb_dir, struct file_flags *out)
{
	memset(out, 0, sizeof(*out));
	char *dir = compdb_dir ? xstrdup(compdb_dir) : search_up(path, "compile_commands.json", 1);
	int ok = dir && from_compdb(path, dir, out) == 0;
	free(dir);
	if (ok || from_flags_txt(path, out) == 0)
		return;
	pagelife_filter_flags(NULL, 0, &out->args, &out->nargs);
	out->source = FLAGS_NONE;
}

void file_flags_free(struct file_flags *f)
{
	pagelife_free_args(f->args, f->nargs);
	free(f->where);
	memset(f, 0, sizeof(*f));
}
