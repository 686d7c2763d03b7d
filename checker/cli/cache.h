/* The result cache: a TU whose source, included files, compiler arguments,
 * rules and pagelife binary are unchanged reuses its stored result without
 * parsing.  As ccache's direct mode: an entry is keyed by everything known
 * before the parse (binary, rules, options, file, directory, arguments) and
 * lists the files the parse read with their content digests; a lookup
 * re-checks them (size and time first, the digest when those differ).
 *
 * Layout: DIR/results/ab/abcdef....json, one JSON file per key, written to
 * a temporary file and renamed (safe with concurrent runs sharing DIR). */
#ifndef PAGELIFE_CACHE_H
#define PAGELIFE_CACHE_H

#include "digest.h"
#include "pagelife.h"

struct result_cache;

/* What a lookup learnt, for the store after a miss. */
struct cache_ticket {
	char key[DIGEST_HEX];
	long long started_ns; /* files changed after this are not trusted */
};

/* options: the analysis options that change results (policy, checks). */
struct result_cache *cache_open(const char *dir, const struct pagelife_session *s, const char *options);
void cache_close(struct result_cache *c);
/* 1 and *out filled on a hit; 0 on a miss (out untouched). Thread-safe. */
int cache_lookup(struct result_cache *c, const struct pagelife_command *job, struct pagelife_result *out,
		 struct cache_ticket *ticket);
void cache_store(struct result_cache *c, const struct pagelife_command *job, const struct cache_ticket *ticket,
		 const struct pagelife_result *res);
/* Hits so far. */
size_t cache_hits(struct result_cache *c);

/* $XDG_CACHE_HOME/pagelife, else $HOME/.cache/pagelife; caller frees. */
char *cache_default_dir(void);

#endif
