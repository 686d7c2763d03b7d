/* The summary database (summary_db.h), with the sqlite3 C API. */
#include "summary_db.h"
#include "util.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#define SCHEMA_VERSION "1"

struct summary_db {
	sqlite3 *db;
};

static int fail(sqlite3 *db, const char *what, char **err)
{
	*err = xasprintf("summary database: %s: %s", what, db ? sqlite3_errmsg(db) : "out of memory");
	return -1;
}

static int exec(sqlite3 *db, const char *sql, char **err)
{
	return sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK ? 0 : fail(db, sql, err);
}

/* The value of a meta key, NULL if none; caller frees. */
static char *meta_get(sqlite3 *db, const char *key)
{
	sqlite3_stmt *st;
	char *v = NULL;
	if (sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key = ?", -1, &st, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return v;
}

/* Summaries of another format mean nothing to this pagelife. */
static int check_format(sqlite3 *db, const char *path, char **err)
{
	char *f = meta_get(db, "rule-format"), *v = meta_get(db, "schema");
	int ok = f && v && !strcmp(f, pagelife_summary_format()) && !strcmp(v, SCHEMA_VERSION);
	if (!ok)
		*err = xasprintf("%s: not a summary database of this pagelife (rule format '%s', schema %s); "
				 "run 'pagelife summarise' again",
				 path, f ? f : "none", v ? v : "none");
	free(f);
	free(v);
	return ok ? 0 : -1;
}

struct summary_db *summary_db_open(const char *path, int readonly, char **err)
{
	*err = NULL;
	sqlite3 *db = NULL;
	int flags = readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
	if (sqlite3_open_v2(path, &db, flags, NULL) != SQLITE_OK) {
		*err = xasprintf("%s: cannot open the summary database: %s", path, db ? sqlite3_errmsg(db) : "out of memory");
		sqlite3_close(db);
		return NULL;
	}
	sqlite3_busy_timeout(db, 60000); /* another run writing the same file */
	if (!readonly) {
		char *sql = xasprintf("BEGIN;"
				      "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
				      "CREATE TABLE IF NOT EXISTS tus(tu TEXT PRIMARY KEY, key TEXT NOT NULL, digest TEXT NOT NULL);"
				      "CREATE TABLE IF NOT EXISTS files(tu TEXT NOT NULL, path TEXT NOT NULL, digest TEXT NOT NULL,"
				      " PRIMARY KEY(tu, path));"
				      "CREATE TABLE IF NOT EXISTS summaries(name TEXT NOT NULL, tu TEXT NOT NULL, rule TEXT NOT NULL,"
				      " PRIMARY KEY(name, tu));"
				      "CREATE INDEX IF NOT EXISTS summaries_tu ON summaries(tu);"
				      "INSERT OR IGNORE INTO meta VALUES('rule-format', '%s');"
				      "INSERT OR IGNORE INTO meta VALUES('schema', '" SCHEMA_VERSION "');"
				      "COMMIT;",
				      pagelife_summary_format());
		int bad = exec(db, sql, err);
		free(sql);
		if (bad) {
			sqlite3_close(db);
			return NULL;
		}
	}
	if (check_format(db, path, err)) {
		sqlite3_close(db);
		return NULL;
	}
	struct summary_db *s = xcalloc(1, sizeof(*s));
	s->db = db;
	return s;
}

void summary_db_close(struct summary_db *db)
{
	if (!db)
		return;
	sqlite3_close(db->db);
	free(db);
}

int summary_db_tu_unchanged(struct summary_db *db, const char *tu, const char *key, summary_file_digest_fn digest_of,
			    void *ctx)
{
	sqlite3_stmt *st;
	int same = 0;
	if (sqlite3_prepare_v2(db->db, "SELECT key FROM tus WHERE tu = ?", -1, &st, NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_text(st, 1, tu, -1, SQLITE_STATIC);
	same = sqlite3_step(st) == SQLITE_ROW && !strcmp((const char *)sqlite3_column_text(st, 0), key);
	sqlite3_finalize(st);
	if (!same || sqlite3_prepare_v2(db->db, "SELECT path, digest FROM files WHERE tu = ?", -1, &st, NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_text(st, 1, tu, -1, SQLITE_STATIC);
	while (same && sqlite3_step(st) == SQLITE_ROW) {
		char hex[DIGEST_HEX];
		same = digest_of(ctx, (const char *)sqlite3_column_text(st, 0), hex) == 0 &&
		       !strcmp(hex, (const char *)sqlite3_column_text(st, 1));
	}
	sqlite3_finalize(st);
	return same;
}

static int cmp_index(const void *a, const void *b, void *paths)
{
	const char *const *p = paths;
	return strcmp(p[*(const size_t *)a], p[*(const size_t *)b]);
}

/* The TU's input digest: its key and every file read, in path order. */
static void input_digest(const char *key, const char *const *paths, char (*digests)[DIGEST_HEX], size_t n,
			 char out[DIGEST_HEX])
{
	size_t *order = xcalloc(n + 1, sizeof(*order));
	for (size_t i = 0; i < n; i++)
		order[i] = i;
	qsort_r(order, n, sizeof(*order), cmp_index, (void *)paths);
	struct strbuf sb = { 0 };
	sb_addf(&sb, "%s\n", key);
	for (size_t i = 0; i < n; i++)
		sb_addf(&sb, "%s %s\n", paths[order[i]], digests[order[i]]);
	digest_hex(sb.buf, sb.len, out);
	sb_free(&sb);
	free(order);
}

static int step_done(sqlite3 *db, sqlite3_stmt *st, char **err)
{
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : fail(db, "write", err);
}

int summary_db_store(struct summary_db *db, const char *tu, const char *key, const char *const *paths,
		     char (*digests)[DIGEST_HEX], size_t nfiles, const struct pagelife_summary *v, size_t n, char **err)
{
	sqlite3 *d = db->db;
	char dig[DIGEST_HEX];
	input_digest(key, paths, digests, nfiles, dig);
	sqlite3_stmt *del[3] = { NULL }, *tus = NULL, *files = NULL, *sums = NULL;
	const char *dels[3] = { "DELETE FROM tus WHERE tu = ?1", "DELETE FROM files WHERE tu = ?1",
				"DELETE FROM summaries WHERE tu = ?1" };
	int bad = exec(d, "BEGIN IMMEDIATE", err);
	if (bad)
		return -1;
	for (int i = 0; i < 3 && !bad; i++)
		bad = sqlite3_prepare_v2(d, dels[i], -1, &del[i], NULL) != SQLITE_OK;
	bad = bad || sqlite3_prepare_v2(d, "INSERT INTO tus VALUES(?, ?, ?)", -1, &tus, NULL) != SQLITE_OK ||
	      sqlite3_prepare_v2(d, "INSERT OR REPLACE INTO files VALUES(?, ?, ?)", -1, &files, NULL) != SQLITE_OK ||
	      sqlite3_prepare_v2(d, "INSERT OR REPLACE INTO summaries VALUES(?, ?, ?)", -1, &sums, NULL) != SQLITE_OK;
	if (bad)
		fail(d, "prepare", err);
	for (int i = 0; i < 3 && !bad; i++) {
		sqlite3_bind_text(del[i], 1, tu, -1, SQLITE_STATIC);
		bad = step_done(d, del[i], err);
	}
	if (!bad) {
		sqlite3_bind_text(tus, 1, tu, -1, SQLITE_STATIC);
		sqlite3_bind_text(tus, 2, key, -1, SQLITE_STATIC);
		sqlite3_bind_text(tus, 3, dig, -1, SQLITE_STATIC);
		bad = step_done(d, tus, err);
	}
	for (size_t i = 0; i < nfiles && !bad; i++) {
		sqlite3_bind_text(files, 1, tu, -1, SQLITE_STATIC);
		sqlite3_bind_text(files, 2, paths[i], -1, SQLITE_STATIC);
		sqlite3_bind_text(files, 3, digests[i], -1, SQLITE_STATIC);
		bad = step_done(d, files, err);
	}
	for (size_t i = 0; i < n && !bad; i++) {
		sqlite3_bind_text(sums, 1, v[i].name, -1, SQLITE_STATIC);
		sqlite3_bind_text(sums, 2, tu, -1, SQLITE_STATIC);
		sqlite3_bind_text(sums, 3, v[i].rule, -1, SQLITE_STATIC);
		bad = step_done(d, sums, err);
	}
	for (int i = 0; i < 3; i++)
		sqlite3_finalize(del[i]);
	sqlite3_finalize(tus);
	sqlite3_finalize(files);
	sqlite3_finalize(sums);
	if (bad) {
		sqlite3_exec(d, "ROLLBACK", NULL, NULL, NULL);
		return -1;
	}
	return exec(d, "COMMIT", err);
}

int summary_db_forget_others(struct summary_db *db, const char *const *keep, size_t n, char **err)
{
	sqlite3 *d = db->db;
	sqlite3_stmt *ins = NULL;
	if (exec(d, "BEGIN IMMEDIATE; CREATE TEMP TABLE keep(tu TEXT PRIMARY KEY)", err))
		return -1;
	int bad = sqlite3_prepare_v2(d, "INSERT OR IGNORE INTO keep VALUES(?)", -1, &ins, NULL) != SQLITE_OK;
	for (size_t i = 0; i < n && !bad; i++) {
		sqlite3_bind_text(ins, 1, keep[i], -1, SQLITE_STATIC);
		bad = step_done(d, ins, err);
	}
	sqlite3_finalize(ins);
	bad = bad || exec(d,
			  "DELETE FROM tus WHERE tu NOT IN (SELECT tu FROM keep);"
			  "DELETE FROM files WHERE tu NOT IN (SELECT tu FROM keep);"
			  "DELETE FROM summaries WHERE tu NOT IN (SELECT tu FROM keep);"
			  "DROP TABLE keep; COMMIT",
			  err);
	if (bad)
		sqlite3_exec(d, "ROLLBACK", NULL, NULL, NULL);
	return bad ? -1 : 0;
}

int summary_db_merge(struct summary_db *db, const char *other, char **err)
{
	sqlite3 *d = db->db;
	/* the other file must be a summary database of this format too */
	char *e2;
	struct summary_db *o = summary_db_open(other, 1, &e2);
	if (!o) {
		*err = e2;
		return -1;
	}
	summary_db_close(o);
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(d, "ATTACH DATABASE ? AS other", -1, &st, NULL) != SQLITE_OK)
		return fail(d, "attach", err);
	sqlite3_bind_text(st, 1, other, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return fail(d, other, err);
	/* the other database's TUs replace ours whole */
	int bad = exec(d,
		       "BEGIN IMMEDIATE;"
		       "DELETE FROM main.files WHERE tu IN (SELECT tu FROM other.tus);"
		       "DELETE FROM main.summaries WHERE tu IN (SELECT tu FROM other.tus);"
		       "INSERT OR REPLACE INTO main.tus SELECT tu, key, digest FROM other.tus;"
		       "INSERT INTO main.files SELECT tu, path, digest FROM other.files;"
		       "INSERT INTO main.summaries SELECT name, tu, rule FROM other.summaries;"
		       "COMMIT",
		       err);
	if (bad)
		sqlite3_exec(d, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_exec(d, "DETACH DATABASE other", NULL, NULL, NULL);
	return bad ? -1 : 0;
}

int summary_db_load(struct summary_db *db, struct pagelife_summary **out, size_t *n, char digest[DIGEST_HEX],
		    char **err)
{
	sqlite3 *d = db->db;
	sqlite3_stmt *st;
	*out = NULL;
	*n = 0;
	if (sqlite3_prepare_v2(d,
			       "SELECT name, min(rule) FROM summaries GROUP BY name"
			       " HAVING count(DISTINCT rule) = 1 ORDER BY name",
			       -1, &st, NULL) != SQLITE_OK)
		return fail(d, "read", err);
	size_t cap = 0;
	struct strbuf sb = { 0 };
	sb_add(&sb, pagelife_summary_format());
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct pagelife_summary s = { xstrdup((const char *)sqlite3_column_text(st, 0)),
					      xstrdup((const char *)sqlite3_column_text(st, 1)) };
		sb_addf(&sb, "\n%s %s", s.name, s.rule);
		VEC_PUSH(*out, *n, cap, s);
	}
	sqlite3_finalize(st);
	digest_hex(sb.buf ? sb.buf : "", sb.len, digest);
	sb_free(&sb);
	if (rc != SQLITE_DONE) {
		summary_db_free_summaries(*out, *n);
		*out = NULL;
		*n = 0;
		return fail(d, "read", err);
	}
	return 0;
}

void summary_db_free_summaries(struct pagelife_summary *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].name);
		free(v[i].rule);
	}
	free(v);
}
