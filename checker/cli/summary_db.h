/* The summary database (SQLite): per-function summaries of the TUs of a
 * compile database, written by `pagelife summarise` and read by analysis
 * runs with --summaries.  Tables:
 *   meta(key, value)               format of the rule texts, schema version
 *   tus(tu, key, digest)           a TU summarised: key = what is known before the
 *                                  parse (pagelife, rules, arguments), digest = key
 *                                  and every file the parse read
 *   files(tu, path, digest)        those files, to tell whether the TU changed
 *   summaries(name, tu, rule)      one row per summarised non-static function
 * Rows of one TU are replaced together, in one transaction. */
#ifndef PAGELIFE_SUMMARY_DB_H
#define PAGELIFE_SUMMARY_DB_H

#include <stddef.h>

#include "digest.h"
#include "pagelife.h"

struct summary_db;

/* Open (creating it and its tables if missing).  NULL with *err set. */
struct summary_db *summary_db_open(const char *path, int readonly, char **err);
void summary_db_close(struct summary_db *db);

/* Is the TU recorded with this key and are all its files unchanged?
 * digest_of(ctx, path, out) gives a file's current digest (0, or -1). */
typedef int (*summary_file_digest_fn)(void *ctx, const char *path, char out[DIGEST_HEX]);
int summary_db_tu_unchanged(struct summary_db *db, const char *tu, const char *key, summary_file_digest_fn digest_of,
			    void *ctx);
/* Replace the TU's rows: its summaries and the files its parse read
 * (paths[i] with digests[i]).  0, or -1 with *err set. */
int summary_db_store(struct summary_db *db, const char *tu, const char *key, const char *const *paths,
		     char (*digests)[DIGEST_HEX], size_t nfiles, const struct pagelife_summary *v, size_t n, char **err);
/* Drop the TUs not in keep[0..n) (files left the compile database). */
int summary_db_forget_others(struct summary_db *db, const char *const *keep, size_t n, char **err);
/* Copy every TU of another database into this one (shards). */
int summary_db_merge(struct summary_db *db, const char *other, char **err);

/* The summaries to analyse with: one per function name; a name that two
 * TUs summarise differently is left out (two static-free definitions of
 * one name under different configurations).  *digest: of exactly what was
 * loaded, for the result cache's key.  0, or -1 with *err set. */
int summary_db_load(struct summary_db *db, struct pagelife_summary **out, size_t *n, char digest[DIGEST_HEX],
		    char **err);
void summary_db_free_summaries(struct pagelife_summary *v, size_t n);

#endif
