/* pagelife.h: compile databases and compiler flags for front doors. */
#include "pagelife.h"
#include "compdb.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

static char **take_args(struct argv_list *a, size_t *n)
{
	*n = a->n;
	char **v = a->v;
	memset(a, 0, sizeof(*a));
	return v;
}

int pagelife_compile_commands_load(const char *dir, const char *const *files, size_t nfiles,
				   struct pagelife_commands *out, char **err)
{
	char msg[1024];
	struct tu_jobs jobs = { 0 };
	memset(out, 0, sizeof(*out));
	*err = NULL;
	if (compdb_load(dir, (char *const *)files, nfiles, &jobs, msg, sizeof(msg))) {
		tu_jobs_free(&jobs);
		*err = xstrdup(msg);
		return -1;
	}
	out->n = jobs.n;
	out->v = jobs.n ? xcalloc(jobs.n, sizeof(*out->v)) : NULL;
	for (size_t i = 0; i < jobs.n; i++) {
		out->v[i].file = jobs.v[i].file;
		out->v[i].directory = jobs.v[i].directory;
		out->v[i].args = take_args(&jobs.v[i].args, &out->v[i].nargs);
	}
	free(jobs.v);
	return 0;
}

void pagelife_commands_free(struct pagelife_commands *c)
{
	for (size_t i = 0; i < c->n; i++) {
		free(c->v[i].file);
		free(c->v[i].directory);
		pagelife_free_args(c->v[i].args, c->v[i].nargs);
	}
	free(c->v);
	memset(c, 0, sizeof(*c));
}

void pagelife_filter_flags(const char *const *in, size_t n, char ***out, size_t *nout)
{
	struct argv_list a = { 0 };
	flags_filter((char *const *)in, n, &a);
	*out = take_args(&a, nout);
}

void pagelife_free_args(char **args, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(args[i]);
	free(args);
}
