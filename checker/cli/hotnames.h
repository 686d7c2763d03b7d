/* Hot names: the API names a TU must mention to possibly hold a finding.
 * Pure text work, no libclang: the rules' names, then every header macro or
 * inline function whose body mentions a hot name, to a fixpoint.
 *
 *   struct hot_defs d = { 0 };
 *   hot_scan(text, len, &d);                  (each header of the tree)
 *   struct hot_names *h = hot_names_new(rule_names, n);
 *   hot_close(h, &d);                        (the fixpoint)
 *   hot_text_mentions(h, tu_text, tu_len)    (per TU: 1 = keep it) */
#ifndef PAGELIFE_HOTNAMES_H
#define PAGELIFE_HOTNAMES_H

#include <stddef.h>

/* One definition found in a header: a macro or a function with a body. */
struct hot_def {
	char **names;     /* what it defines (a function: every name before a '(' of its head) */
	size_t nnames;
	char **uses;      /* identifiers of its body */
	size_t nuses;
	char **pasted;    /* names its body builds with ##, parameters as '*' (globs) */
	size_t npasted;
};

struct hot_defs {
	struct hot_def *v;
	size_t n, cap;
};

/* Append the definitions of one header's text. */
void hot_scan(const char *text, size_t len, struct hot_defs *out);
void hot_defs_free(struct hot_defs *d);

struct hot_names;

/* Seeds: exact names and fnmatch() globs (the rules' names). */
struct hot_names *hot_names_new(const char *const *seeds, size_t n);
void hot_names_free(struct hot_names *h);
/* Add every definition that reaches a hot name, transitively. */
void hot_close(struct hot_names *h, const struct hot_defs *d);
int hot_name_is_hot(const struct hot_names *h, const char *name);
/* Does the text mention a hot name (as an identifier)? */
int hot_text_mentions(const struct hot_names *h, const char *text, size_t len);

/* Serialise as lines ("=name" exact, "*glob" glob) and back. */
char *hot_names_dump(const struct hot_names *h);
struct hot_names *hot_names_load(const char *text);
size_t hot_names_count(const struct hot_names *h);

/* A comment or literal starting at text[i]: the index after it; i if none. */
size_t hot_skip_noise(const char *text, size_t len, size_t i);
/* Call fn for each identifier of C text (comments and literals skipped). */
void hot_each_ident(const char *text, size_t len, void (*fn)(const char *id, size_t n, void *arg), void *arg);

#endif
