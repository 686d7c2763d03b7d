/* A summary describes a non-static function that takes or returns pages
 * (engine/summary.c page_signature()), and the static helpers it calls;
 * such a definition spells its page type in the TU's own file. A TU whose
 * file defines none has nothing to summarise, so the summary pass need not
 * parse it. The kernel's coding style opens a function body with `{` in
 * column 0, which is what finds the definitions without a parse. */
#include "page_signatures.h"
#include "digest.h"
#include "hotnames.h"
#include "shard.h"
#include "util.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* text with comments and literals blanked (newlines kept), so that a `{` or
 * `}` in column 0 is code */
static char *blank_noise(const char *text, size_t n)
{
	char *b = xmalloc(n + 1);
	memcpy(b, text, n);
	b[n] = 0;
	for (size_t i = 0; i < n;) {
		size_t j = hot_skip_noise(text, n, i);
		if (j == i) {
			i++;
			continue;
		}
		for (; i < j; i++)
			if (b[i] != '\n')
				b[i] = ' ';
	}
	return b;
}

/* the last character of line [s, e) that is not white space, or 0 */
static char last_char(const char *t, size_t s, size_t e)
{
	while (e > s && isspace((unsigned char)t[e - 1]))
		e--;
	return e > s ? t[e - 1] : 0;
}

struct declarator {
	int is_static, after_struct, page;
};

static void declarator_ident(const char *id, size_t n, void *arg)
{
	struct declarator *d = arg;
#define IS(w) (n == sizeof(w) - 1 && !memcmp(id, w, n))
	d->is_static |= IS("static");
	d->page |= IS("pgtable_t") || (d->after_struct && (IS("page") || IS("folio")));
	d->after_struct = IS("struct");
#undef IS
}

/* the declarator t[s, e) is not static and names a page type */
static int declarator_counts(const char *t, size_t s, size_t e)
{
	struct declarator d = { 0, 0, 0 };
	hot_each_ident(t + s, e - s, declarator_ident, &d);
	return d.page && !d.is_static;
}

int text_defines_page_function(const char *text, size_t n)
{
	char *t = blank_noise(text, n);
	size_t decl = 0; /* where the declarator of the next definition may start */
	int in_body = 0, found = 0;
	for (size_t s = 0; s < n && !found;) {
		size_t e = s;
		while (e < n && t[e] != '\n')
			e++;
		if (!in_body && t[s] == '#') {
			while (e < n && last_char(t, s, e) == '\\') { /* a directive's continued lines */
				s = e + 1;
				for (e = s; e < n && t[e] != '\n';)
					e++;
			}
			decl = e;
		} else if (in_body) {
			if (t[s] == '}') { /* the body ends in column 0 */
				in_body = 0;
				decl = e;
			}
		} else if (t[s] == '{') {
			found = declarator_counts(t, decl, s);
			in_body = 1;
		} else if (t[s] == '}' || last_char(t, s, e) == ';' || last_char(t, s, e) == '}') {
			decl = e; /* the end of a declaration or a type */
		}
		s = e + 1;
	}
	free(t);
	return found;
}

size_t page_signature_jobs(struct pagelife_commands *jobs)
{
	unsigned char *keep = xcalloc(jobs->n ? jobs->n : 1, 1);
	size_t dropped = 0;
	for (size_t i = 0; i < jobs->n; i++) {
		const struct pagelife_command *job = &jobs->v[i];
		char *path = job->file[0] == '/' || !job->directory ? xstrdup(job->file)
								     : xasprintf("%s/%s", job->directory, job->file);
		size_t len;
		char *text = read_whole_file(path, &len);
		keep[i] = (unsigned char)(!text || text_defines_page_function(text, len));
		dropped += !keep[i];
		free(text);
		free(path);
	}
	jobs_keep(jobs, keep);
	free(keep);
	return dropped;
}
