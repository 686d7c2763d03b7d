#include "cache.h"
#include "result_json.h"
#include "util.h"

#include <jansson.h>
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Bump when the entry format or the key's make-up changes. */
#define CACHE_FORMAT "pagelife-result-cache-1"

struct result_cache {
	char *dir;
	char *base_key;         /* digest of binary, version, rules, options */
	pthread_mutex_t lock;   /* guards digests and hits */
	json_t *digests;        /* path -> [size, mtime_ns, digest]: each file hashed once a run */
	size_t hits;
};

static long long mtime_ns(const struct stat *st)
{
	return (long long)st->st_mtim.tv_sec * 1000000000LL + st->st_mtim.tv_nsec;
}

static long long now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

char *cache_default_dir(void)
{
	const char *x = getenv("XDG_CACHE_HOME");
	if (x && *x)
		return xasprintf("%s/pagelife", x);
	const char *h = getenv("HOME");
	return h && *h ? xasprintf("%s/.cache/pagelife", h) : NULL;
}

struct result_cache *cache_open(const char *dir, const struct pagelife_session *s, const char *options)
{
	struct strbuf sb = { 0 };
	sb_addf(&sb, "%s\nversion %s\noptions %s\n", CACHE_FORMAT, pagelife_version(), options ? options : "");
	/* the binary itself: a rebuilt checker may find other things */
	struct stat st;
	char *exe = realpath("/proc/self/exe", NULL);
	if (exe && stat(exe, &st) == 0)
		sb_addf(&sb, "exe %s %lld %lld\n", exe, (long long)st.st_size, mtime_ns(&st));
	free(exe);
	const char *const *files;
	size_t n = pagelife_rule_files(s, &files);
	for (size_t i = 0; i < n; i++) {
		char hex[DIGEST_HEX] = "unreadable";
		digest_file(files[i], hex);
		sb_addf(&sb, "rules %s %s\n", files[i], hex);
	}
	char key[DIGEST_HEX];
	digest_hex(sb.buf, sb.len, key);
	sb_free(&sb);
	struct result_cache *c = xcalloc(1, sizeof(*c));
	c->dir = xstrdup(dir);
	c->base_key = xstrdup(key);
	pthread_mutex_init(&c->lock, NULL);
	c->digests = json_object();
	return c;
}

void cache_close(struct result_cache *c)
{
	if (!c)
		return;
	free(c->dir);
	free(c->base_key);
	json_decref(c->digests);
	pthread_mutex_destroy(&c->lock);
	free(c);
}

size_t cache_hits(struct result_cache *c)
{
	pthread_mutex_lock(&c->lock);
	size_t h = c->hits;
	pthread_mutex_unlock(&c->lock);
	return h;
}

/* The file's digest; memoised by path, size and time.  0, or -1. */
static int file_digest(struct result_cache *c, const char *path, const struct stat *st, char out[DIGEST_HEX])
{
	pthread_mutex_lock(&c->lock);
	json_t *m = json_object_get(c->digests, path);
	int known = m && json_integer_value(json_array_get(m, 0)) == (json_int_t)st->st_size &&
		    json_integer_value(json_array_get(m, 1)) == (json_int_t)mtime_ns(st);
	if (known)
		snprintf(out, DIGEST_HEX, "%s", json_string_value(json_array_get(m, 2)));
	pthread_mutex_unlock(&c->lock);
	if (known)
		return 0;
	if (digest_file(path, out))
		return -1;
	pthread_mutex_lock(&c->lock);
	json_object_set_new(c->digests, path,
			    json_pack("[I, I, s]", (json_int_t)st->st_size, (json_int_t)mtime_ns(st), out));
	pthread_mutex_unlock(&c->lock);
	return 0;
}

static char *absolute(const char *dir, const char *name)
{
	if (name[0] == '/')
		return xstrdup(name);
	char cwd[PATH_MAX];
	if (!dir)
		dir = getcwd(cwd, sizeof(cwd)) ? cwd : ".";
	return xasprintf("%s/%s", dir, name);
}

static void job_key(const struct result_cache *c, const struct pagelife_command *job, char out[DIGEST_HEX])
{
	struct strbuf sb = { 0 };
	char cwd[PATH_MAX];
	const char *dir = job->directory ? job->directory : (getcwd(cwd, sizeof(cwd)) ? cwd : "");
	sb_addf(&sb, "%s\ndir %s\nfile %s\n", c->base_key, dir, job->file);
	for (size_t i = 0; i < job->nargs; i++) {
		sb_add(&sb, job->args[i]);
		sb_add(&sb, "\n"); /* arguments never hold a newline in a compile database that parses */
	}
	digest_hex(sb.buf, sb.len, out);
	sb_free(&sb);
}

static char *entry_path(const struct result_cache *c, const char *key)
{
	return xasprintf("%s/results/%.2s/%s.json", c->dir, key, key);
}

/* Is every recorded file as it was?  [path, size, mtime_ns, digest, stat_trusted] */
static int files_unchanged(struct result_cache *c, const json_t *files)
{
	size_t i;
	json_t *f;
	json_array_foreach(files, i, f) {
		const char *path = json_string_value(json_array_get(f, 0));
		const char *want = json_string_value(json_array_get(f, 3));
		struct stat st;
		if (!path || !want || stat(path, &st) != 0)
			return 0;
		int same_stat = json_integer_value(json_array_get(f, 1)) == (json_int_t)st.st_size &&
				json_integer_value(json_array_get(f, 2)) == (json_int_t)mtime_ns(&st);
		if (same_stat && json_is_true(json_array_get(f, 4)))
			continue;
		char hex[DIGEST_HEX];
		if (file_digest(c, path, &st, hex) || strcmp(hex, want))
			return 0;
	}
	return 1;
}

int cache_lookup(struct result_cache *c, const struct pagelife_command *job, struct pagelife_result *out,
		 struct cache_ticket *ticket)
{
	ticket->started_ns = now_ns();
	job_key(c, job, ticket->key);
	char *path = entry_path(c, ticket->key);
	json_t *e = json_load_file(path, 0, NULL);
	free(path);
	int hit = e && files_unchanged(c, json_object_get(e, "files")) &&
		  result_from_json(json_object_get(e, "result"), out) == 0;
	json_decref(e);
	if (hit) {
		pthread_mutex_lock(&c->lock);
		c->hits++;
		pthread_mutex_unlock(&c->lock);
	}
	return hit;
}

/* Record one file the result depends on; -1 if it cannot be trusted. */
static int add_file(struct result_cache *c, json_t *files, json_t *seen, const char *dir, const char *name,
		    long long started_ns)
{
	char *p = absolute(dir, name);
	int ret = 0;
	if (!json_object_get(seen, p)) {
		json_object_set_new(seen, p, json_true());
		struct stat st;
		char hex[DIGEST_HEX];
		/* only regular files: reading a FIFO would block */
		if (stat(p, &st) != 0 || !S_ISREG(st.st_mode) || mtime_ns(&st) >= started_ns ||
		    file_digest(c, p, &st, hex)) {
			ret = -1; /* gone, not a file, or changed while we parsed: do not store */
		} else {
			/* a file written within a second of the parse may change again
			 * without its time changing: check its digest on lookup */
			int trusted = mtime_ns(&st) < started_ns - 1000000000LL;
			json_array_append_new(files, json_pack("[s, I, I, s, b]", p, (json_int_t)st.st_size,
							       (json_int_t)mtime_ns(&st), hex, trusted));
		}
	}
	free(p);
	return ret;
}

void cache_store(struct result_cache *c, const struct pagelife_command *job, const struct cache_ticket *ticket,
		 const struct pagelife_result *res)
{
	if (res->cfg_dump || res->fatal)
		return; /* a TU that did not parse is tried again next time */
	json_t *files = json_array(), *seen = json_object();
	int ok = add_file(c, files, seen, job->directory, job->file, ticket->started_ns) == 0;
	for (size_t i = 0; ok && i < res->nincludes; i++)
		ok = add_file(c, files, seen, job->directory, res->includes[i], ticket->started_ns) == 0;
	json_decref(seen);
	if (!ok) {
		json_decref(files);
		return;
	}
	json_t *e = json_pack("{s:s, s:o, s:o}", "file", job->file, "files", files, "result", result_to_json(res));
	char *text = json_dumps(e, JSON_COMPACT);
	json_decref(e);
	char *path = entry_path(c, ticket->key);
	if (text)
		write_file_atomic(path, text, strlen(text)); /* a cache: a failed write only costs time */
	free(path);
	free(text);
}
