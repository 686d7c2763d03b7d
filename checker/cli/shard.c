#include "shard.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int shard_parse(const char *spec, unsigned *k, unsigned *n)
{
	char *end;
	if (!spec || !*spec)
		return -1;
	unsigned long a = strtoul(spec, &end, 10);
	if (end == spec || *end != '/')
		return -1;
	const char *b_s = end + 1;
	unsigned long b = strtoul(b_s, &end, 10);
	if (end == b_s || *end || a < 1 || b < 1 || a > b || b > 100000)
		return -1;
	*k = (unsigned)a;
	*n = (unsigned)b;
	return 0;
}

struct item {
	unsigned long long size;
	const char *path;
	size_t pos;
};

static int by_size_desc(const void *pa, const void *pb)
{
	const struct item *a = pa, *b = pb;
	if (a->size != b->size)
		return a->size > b->size ? -1 : 1;
	int c = strcmp(a->path, b->path);
	if (c)
		return c;
	return a->pos < b->pos ? -1 : a->pos > b->pos;
}

void shard_assign(const unsigned long long *sizes, const char *const *paths, size_t n, unsigned nbins,
		  unsigned *bin_of)
{
	struct item *it = xcalloc(n ? n : 1, sizeof(*it));
	for (size_t i = 0; i < n; i++)
		it[i] = (struct item){ sizes[i], paths[i], i };
	qsort(it, n, sizeof(*it), by_size_desc);
	unsigned long long *load = xcalloc(nbins, sizeof(*load));
	for (size_t i = 0; i < n; i++) {
		unsigned best = 0;
		for (unsigned b = 1; b < nbins; b++)
			if (load[b] < load[best])
				best = b;
		load[best] += it[i].size;
		bin_of[it[i].pos] = best;
	}
	free(load);
	free(it);
}

void jobs_keep(struct pagelife_commands *jobs, const unsigned char *keep)
{
	size_t kept = 0;
	for (size_t i = 0; i < jobs->n; i++) {
		if (keep[i]) {
			jobs->v[kept++] = jobs->v[i];
			continue;
		}
		free(jobs->v[i].file);
		free(jobs->v[i].directory);
		pagelife_free_args(jobs->v[i].args, jobs->v[i].nargs);
	}
	jobs->n = kept;
}

void shard_jobs(struct pagelife_commands *jobs, unsigned k, unsigned n)
{
	size_t m = jobs->n ? jobs->n : 1;
	unsigned long long *sizes = xcalloc(m, sizeof(*sizes));
	const char **paths = xcalloc(m, sizeof(*paths));
	unsigned *bins = xcalloc(m, sizeof(*bins));
	unsigned char *keep = xcalloc(m, 1);
	for (size_t i = 0; i < jobs->n; i++) {
		const struct pagelife_command *j = &jobs->v[i];
		char *p = j->file[0] == '/' || !j->directory ? xstrdup(j->file) : xasprintf("%s/%s", j->directory, j->file);
		struct stat st;
		sizes[i] = stat(p, &st) == 0 ? (unsigned long long)st.st_size : 0;
		free(p);
		paths[i] = j->file;
	}
	shard_assign(sizes, paths, jobs->n, n, bins);
	for (size_t i = 0; i < jobs->n; i++)
		keep[i] = bins[i] == k - 1;
	jobs_keep(jobs, keep);
	free(sizes);
	free(paths);
	free(bins);
	free(keep);
}
