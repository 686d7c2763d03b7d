#include "prefilter.h"
#include "digest.h"
#include "hotnames.h"
#include "shard.h"
#include "util.h"

#include <dirent.h>
#include <fts.h>
#include <glob.h>
#include <jansson.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Bump when the name set's computation changes: old cached sets go stale. */
#define NAMESET_FORMAT "pagelife-hot-names-2"

struct prefilter {
	char **roots;  /* canonical shared header directories of the tree */
	size_t nroots, roots_cap;
	struct hot_names *names;
};

static int fts_by_name(const FTSENT **a, const FTSENT **b)
{
	return strcmp((*a)->fts_name, (*b)->fts_name);
}

struct header {
	char *path;
	off_t size;
	long long mtime_ns;
};

struct headers {
	struct header *v;
	size_t n, cap;
};

/* Every *.h under the roots, in a fixed order. */
static void list_headers(struct prefilter *p, struct headers *out)
{
	if (!p->nroots)
		return;
	char **argv = xcalloc(p->nroots + 1, sizeof(char *));
	for (size_t i = 0; i < p->nroots; i++)
		argv[i] = p->roots[i];
	FTS *fts = fts_open(argv, FTS_PHYSICAL | FTS_NOCHDIR, fts_by_name);
	FTSENT *e;
	while (fts && (e = fts_read(fts))) {
		if (e->fts_info != FTS_F || !str_ends(e->fts_name, ".h"))
			continue;
		struct header h = { xstrdup(e->fts_path), e->fts_statp->st_size,
				    (long long)e->fts_statp->st_mtim.tv_sec * 1000000000LL + e->fts_statp->st_mtim.tv_nsec };
		VEC_PUSH(out->v, out->n, out->cap, h);
	}
	if (fts)
		fts_close(fts);
	free(argv);
}

static void headers_free(struct headers *h)
{
	for (size_t i = 0; i < h->n; i++)
		free(h->v[i].path);
	free(h->v);
}

static void add_root(struct prefilter *p, const char *dir)
{
	char *c = realpath(dir, NULL);
	struct stat st;
	if (c && stat(c, &st) == 0 && S_ISDIR(st.st_mode))
		VEC_PUSH(p->roots, p->nroots, p->roots_cap, c);
	else
		free(c);
}

static char *names_key(const struct prefilter *p, const struct headers *hs, const struct pagelife_session *s)
{
	struct strbuf sb = { 0 };
	sb_add(&sb, NAMESET_FORMAT "\n");
	const char *const *names;
	size_t n = pagelife_rule_names(s, &names);
	for (size_t i = 0; i < n; i++)
		sb_addf(&sb, "rule %s\n", names[i]);
	for (size_t i = 0; i < p->nroots; i++)
		sb_addf(&sb, "root %s\n", p->roots[i]);
	for (size_t i = 0; i < hs->n; i++)
		sb_addf(&sb, "%s %lld %lld\n", hs->v[i].path, (long long)hs->v[i].size, hs->v[i].mtime_ns);
	char hex[DIGEST_HEX];
	digest_hex(sb.buf, sb.len, hex);
	sb_free(&sb);
	return xstrdup(hex);
}

static struct hot_names *compute_names(const struct headers *hs, const struct pagelife_session *s)
{
	const char *const *names;
	size_t n = pagelife_rule_names(s, &names);
	struct hot_names *h = hot_names_new(names, n);
	struct hot_defs defs = { 0 };
	for (size_t i = 0; i < hs->n; i++) {
		size_t len;
		char *text = read_whole_file(hs->v[i].path, &len);
		if (text)
			hot_scan(text, len, &defs);
		free(text);
	}
	hot_close(h, &defs);
	hot_defs_free(&defs);
	return h;
}

/* Does any job search arch/NAME/include?  Only the architectures built
 * matter: other architectures' headers would only widen the name set. */
static int arch_used(const struct pagelife_commands *jobs, const char *arch_include)
{
	const char *rel = strstr(arch_include, "/arch/");
	for (size_t i = 0; rel && i < jobs->n; i++)
		for (size_t k = 0; k < jobs->v[i].nargs; k++)
			if (strstr(jobs->v[i].args[k], rel + 1))
				return 1;
	return 0;
}

struct prefilter *prefilter_open(const char *tree, const char *cache_dir, const struct pagelife_session *s,
				 const struct pagelife_commands *jobs)
{
	struct prefilter *p = xcalloc(1, sizeof(*p));
	char *inc = xasprintf("%s/include", tree);
	add_root(p, inc);
	free(inc);
	if (!p->nroots) {
		free(p);
		return NULL;
	}
	char *pat = xasprintf("%s/arch/*/include", tree);
	glob_t g;
	if (glob(pat, 0, NULL, &g) == 0) {
		for (size_t i = 0; i < g.gl_pathc; i++)
			if (arch_used(jobs, g.gl_pathv[i]))
				add_root(p, g.gl_pathv[i]);
		globfree(&g);
	}
	free(pat);

	struct headers hs = { 0 };
	list_headers(p, &hs);
	char *key = names_key(p, &hs, s);
	char *path = cache_dir ? xasprintf("%s/names/%s", cache_dir, key) : NULL;
	size_t len;
	char *cached = path ? read_whole_file(path, &len) : NULL;
	if (cached) {
		p->names = hot_names_load(cached);
	} else {
		p->names = compute_names(&hs, s);
		if (path) {
			char *dump = hot_names_dump(p->names);
			write_file_atomic(path, dump, strlen(dump)); /* a cache: failing to write only costs time */
			free(dump);
		}
	}
	free(cached);
	free(path);
	free(key);
	headers_free(&hs);
	return p;
}

void prefilter_close(struct prefilter *p)
{
	if (!p)
		return;
	for (size_t i = 0; i < p->nroots; i++)
		free(p->roots[i]);
	free(p->roots);
	hot_names_free(p->names);
	free(p);
}

size_t prefilter_name_count(const struct prefilter *p)
{
	return hot_names_count(p->names);
}

/* ---- one TU ------------------------------------------------------------- */

struct tu_scan {
	const struct prefilter *p;
	const struct pagelife_command *job;
	const char *cwd;      /* the compile's directory */
	char **search;        /* -I, -iquote, -isystem, -idirafter directories */
	size_t nsearch, search_cap;
	json_t *visited;      /* canonical paths already scanned */
};

static char *join(const char *dir, const char *name)
{
	if (name[0] == '/' || !dir)
		return xstrdup(name);
	return xasprintf("%s/%s", dir, name);
}

static int under_root(const struct prefilter *p, const char *canon)
{
	for (size_t i = 0; i < p->nroots; i++) {
		size_t n = strlen(p->roots[i]);
		if (!strncmp(canon, p->roots[i], n) && canon[n] == '/')
			return 1;
	}
	return 0;
}

static int scan_file(struct tu_scan *t, const char *path);

/* Resolve an #include as the compiler would (quotes: the including file's
 * directory first); scan it unless the name set covers it. */
static int scan_include(struct tu_scan *t, const char *from_dir, const char *name, int quoted)
{
	char *found = NULL;
	if (quoted || name[0] == '/') {
		char *c = join(from_dir, name);
		found = realpath(c, NULL);
		free(c);
	}
	for (size_t i = 0; !found && i < t->nsearch; i++) {
		char *c = join(t->search[i], name);
		found = realpath(c, NULL);
		free(c);
	}
	if (!found)
		return 0; /* the compiler's own headers, or a generated name */
	int hit = !under_root(t->p, found) && scan_file(t, found);
	free(found);
	return hit;
}

static int scan_includes(struct tu_scan *t, const char *path, const char *text, size_t len)
{
	char *dir = xstrdup(path);
	char *slash = strrchr(dir, '/');
	if (slash)
		*slash = '\0';
	int hit = 0;
	for (const char *l = text; !hit && l && l < text + len; l = memchr(l, '\n', (size_t)(text + len - l)), l = l ? l + 1 : NULL) {
		const char *q = l;
		while (*q == ' ' || *q == '\t')
			q++;
		if (*q++ != '#')
			continue;
		while (*q == ' ' || *q == '\t')
			q++;
		if (strncmp(q, "include", 7))
			continue;
		q += 7;
		while (*q == ' ' || *q == '\t')
			q++;
		char close = *q == '<' ? '>' : *q == '"' ? '"' : 0;
		if (!close)
			continue; /* #include MACRO: the headers of the directory cover trace headers */
		const char *e = strchr(q + 1, close);
		const char *nl = strchr(q + 1, '\n');
		if (!e || (nl && e > nl))
			continue;
		char *name = xstrndup(q + 1, (size_t)(e - q - 1));
		hit = scan_include(t, dir, name, close == '"');
		free(name);
	}
	free(dir);
	return hit;
}

static int scan_file(struct tu_scan *t, const char *path)
{
	char *canon = realpath(path, NULL);
	if (!canon)
		return 1; /* unreadable: let the analysis report it */
	if (json_object_get(t->visited, canon)) {
		free(canon);
		return 0;
	}
	json_object_set_new(t->visited, canon, json_true());
	size_t len;
	char *text = read_whole_file(canon, &len);
	int hit = !text || hot_text_mentions(t->p->names, text, len) || scan_includes(t, canon, text, len);
	free(text);
	free(canon);
	return hit;
}

/* The headers of the TU's own directory: trace headers included through
 * macros, and whatever else a directory shares privately. */
static int scan_own_dir(struct tu_scan *t, const char *file)
{
	char *dir = xstrdup(file);
	char *slash = strrchr(dir, '/');
	if (slash)
		*slash = '\0';
	else
		strcpy(dir, ".");
	DIR *d = opendir(dir);
	int hit = 0;
	struct dirent *de;
	while (d && !hit && (de = readdir(d))) {
		if (!str_ends(de->d_name, ".h"))
			continue;
		char *p = xasprintf("%s/%s", dir, de->d_name);
		hit = scan_file(t, p);
		free(p);
	}
	if (d)
		closedir(d);
	free(dir);
	return hit;
}

static void collect_search_dirs(struct tu_scan *t, char ***forced, size_t *nforced, size_t *forced_cap)
{
	static const char *const opts[] = { "-I", "-iquote", "-isystem", "-idirafter", "-include", NULL };
	const struct pagelife_command *job = t->job;
	for (size_t i = 0; i < job->nargs; i++) {
		const char *a = job->args[i];
		for (int k = 0; opts[k]; k++) {
			size_t n = strlen(opts[k]);
			if (strncmp(a, opts[k], n))
				continue;
			const char *v = a[n] ? a + n : (i + 1 < job->nargs ? job->args[++i] : NULL);
			if (!v)
				break;
			char *p = join(t->cwd, v);
			if (!strcmp(opts[k], "-include"))
				VEC_PUSH(*forced, *nforced, *forced_cap, p);
			else
				VEC_PUSH(t->search, t->nsearch, t->search_cap, p);
			break;
		}
	}
}

int prefilter_keep(const struct prefilter *p, const struct pagelife_command *job)
{
	char cwd[PATH_MAX];
	struct tu_scan t = { p, job, job->directory, NULL, 0, 0, json_object() };
	if (!t.cwd)
		t.cwd = getcwd(cwd, sizeof(cwd));
	char **forced = NULL;
	size_t nforced = 0, forced_cap = 0;
	collect_search_dirs(&t, &forced, &nforced, &forced_cap);
	char *file = join(t.cwd, job->file);
	int keep = scan_file(&t, file) || scan_own_dir(&t, file);
	for (size_t i = 0; !keep && i < nforced; i++) {
		char *canon = realpath(forced[i], NULL);
		keep = canon && !under_root(p, canon) && scan_file(&t, canon);
		free(canon);
	}
	for (size_t i = 0; i < nforced; i++)
		free(forced[i]);
	free(forced);
	for (size_t i = 0; i < t.nsearch; i++)
		free(t.search[i]);
	free(t.search);
	free(file);
	json_decref(t.visited);
	return keep;
}

size_t prefilter_jobs(const struct prefilter *p, struct pagelife_commands *jobs)
{
	unsigned char *keep = xcalloc(jobs->n ? jobs->n : 1, 1);
	size_t skipped = 0;
	for (size_t i = 0; i < jobs->n; i++) {
		keep[i] = (unsigned char)prefilter_keep(p, &jobs->v[i]);
		skipped += !keep[i];
	}
	jobs_keep(jobs, keep);
	free(keep);
	return skipped;
}
