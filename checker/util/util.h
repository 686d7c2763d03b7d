/* Small helpers shared by every part of pagelife: checked allocation,
 * growable arrays and a string builder. */
#ifndef PAGELIFE_UTIL_H
#define PAGELIFE_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* Grow *arr (of element size esz) so that it holds at least need elements. */
void grow_array(void **arr, size_t *cap, size_t need, size_t esz);
#define VEC_PUSH(arr, n, cap, val)                                              \
	do {                                                                    \
		grow_array((void **)&(arr), &(cap), (n) + 1, sizeof(*(arr)));   \
		(arr)[(n)++] = (val);                                           \
	} while (0)

struct strbuf {
	char *buf;
	size_t len, cap;
};
void sb_addf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sb_vaddf(struct strbuf *sb, const char *fmt, va_list ap);
void sb_add(struct strbuf *sb, const char *s);
void sb_free(struct strbuf *sb);
/* Hand over the buffer (never NULL) and reset sb. */
char *sb_take(struct strbuf *sb);

/* printf into a new string */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

int str_starts(const char *s, const char *prefix);
int str_ends(const char *s, const char *suffix);

#endif
