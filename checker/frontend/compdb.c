#include "compdb.h"
#include "util.h"

#include <errno.h>
#include <jansson.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static char *join_path(const char *dir, const char *file)
{
	if (file[0] == '/' || !dir || !*dir)
		return xstrdup(file);
	return xasprintf("%s/%s", dir, file);
}

/* Canonical path for matching FILE arguments against entries. */
static char *canonical(const char *p)
{
	char buf[PATH_MAX];
	if (realpath(p, buf))
		return xstrdup(buf);
	return xstrdup(p);
}

static int entry_args(json_t *e, size_t idx, const char *path, struct argv_list *raw, char *err, size_t errlen)
{
	json_t *args = json_object_get(e, "arguments");
	json_t *cmd = json_object_get(e, "command");
	if (json_is_array(args)) {
		size_t i;
		json_t *a;
		json_array_foreach(args, i, a)
		{
			if (!json_is_string(a)) {
				snprintf(err, errlen, "%s: entry %zu: 'arguments' must hold strings", path, idx);
				return -1;
			}
			argv_push(raw, json_string_value(a));
		}
		return 0;
	}
	if (json_is_string(cmd)) {
		if (shell_split(json_string_value(cmd), raw)) {
			snprintf(err, errlen, "%s: entry %zu: unbalanced quotes in 'command'", path, idx);
			return -1;
		}
		return 0;
	}
	snprintf(err, errlen, "%s: entry %zu: needs 'arguments' (a list) or 'command' (a string)", path, idx);
	return -1;
}

/* Compiler flags of an entry: drop the compiler, the output and the source. */
static void entry_flags(struct argv_list *raw, const char *file, const char *directory, struct argv_list *out)
{
	struct argv_list kept = { 0 };
	char *canon_file = canonical(file);
	for (size_t i = 1; i < raw->n; i++) {
		const char *a = raw->v[i];
		if (a[0] != '-') {
			char *p = join_path(directory, a);
			char *c = canonical(p);
			int is_src = !strcmp(c, canon_file) || !strcmp(a, file);
			free(p);
			free(c);
			if (is_src)
				continue;
		}
		argv_push(&kept, a);
	}
	free(canon_file);
	flags_filter(kept.v, kept.n, out);
	if (directory) {
		/* relative -I paths are relative to the compile's directory */
		argv_push(out, "-working-directory");
		argv_push(out, directory);
	}
	argv_free(&kept);
}

int compdb_load(const char *dir, char *const *files, size_t nfiles, struct tu_jobs *jobs, char *err, size_t errlen)
{
	char *path = xasprintf("%s/compile_commands.json", dir);
	struct stat st;
	if (stat(path, &st) != 0) {
		snprintf(err, errlen, "%s: cannot read compile database: %s", path, strerror(errno));
		free(path);
		return -1;
	}
	json_error_t jerr;
	json_t *root = json_load_file(path, 0, &jerr);
	if (!root) {
		snprintf(err, errlen, "%s:%d:%d: malformed compile database: %s", path, jerr.line, jerr.column, jerr.text);
		free(path);
		return -1;
	}
	int ret = 0;
	if (!json_is_array(root)) {
		snprintf(err, errlen, "%s: a compile database is a JSON array of entries", path);
		ret = -1;
		goto out;
	}
	char **want = NULL;
	char *found = NULL;
	if (nfiles) {
		want = xcalloc(nfiles, sizeof(char *));
		found = xcalloc(nfiles, 1);
		for (size_t i = 0; i < nfiles; i++)
			want[i] = canonical(files[i]);
	}
	size_t idx;
	json_t *e;
	json_array_foreach(root, idx, e)
	{
		json_t *jf = json_object_get(e, "file"), *jd = json_object_get(e, "directory");
		if (!json_is_object(e) || !json_is_string(jf)) {
			snprintf(err, errlen, "%s: entry %zu: needs a 'file' string", path, idx);
			ret = -1;
			break;
		}
		if (jd && !json_is_string(jd)) {
			snprintf(err, errlen, "%s: entry %zu: 'directory' must be a string", path, idx);
			ret = -1;
			break;
		}
		const char *directory = json_is_string(jd) ? json_string_value(jd) : NULL;
		char *file = join_path(directory, json_string_value(jf));
		int keep = 1;
		if (nfiles) {
			char *c = canonical(file);
			keep = 0;
			for (size_t i = 0; i < nfiles; i++)
				if (!found[i] && !strcmp(c, want[i])) {
					found[i] = 1;
					keep = 1;
					break;
				}
			free(c);
		}
		if (!keep || !(str_ends(file, ".c") || str_ends(file, ".h"))) {
			free(file);
			continue;
		}
		struct argv_list raw = { 0 };
		if (entry_args(e, idx, path, &raw, err, errlen)) {
			free(file);
			argv_free(&raw);
			ret = -1;
			break;
		}
		struct tu_job job = { file, directory ? xstrdup(directory) : NULL, { 0 } };
		entry_flags(&raw, file, directory, &job.args);
		argv_free(&raw);
		VEC_PUSH(jobs->v, jobs->n, jobs->cap, job);
	}
	if (!ret && !nfiles && !jobs->n) {
		snprintf(err, errlen, "%s: no C file to check (the database has no entry for a .c file)", path);
		ret = -1;
	}
	for (size_t i = 0; i < nfiles; i++) {
		if (!ret && !found[i]) {
			snprintf(err, errlen, "%s: not in %s", files[i], path);
			ret = -1;
		}
		free(want[i]);
	}
	free(want);
	free(found);
out:
	json_decref(root);
	free(path);
	return ret;
}

void tu_jobs_free(struct tu_jobs *jobs)
{
	for (size_t i = 0; i < jobs->n; i++) {
		free(jobs->v[i].file);
		free(jobs->v[i].directory);
		argv_free(&jobs->v[i].args);
	}
	free(jobs->v);
	memset(jobs, 0, sizeof(*jobs));
}
