/* A summary describes a non-static function that takes or returns pages
 * (engine/summary.c page_signature()), and the static helpers it calls;
 * such a definition spells its page type in the TU's own file. A TU whose
 * file defines none has nothing to summarise, so the summary pass need not
 * parse it. The kernel's coding style opens a function body with `{` in
 * column 0, which is what finds the definitions without a parse. */
#include "page_signatures.h"
#include "digest.h"
#include "shard.h"
#include "util.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static int ident_char(char c)
{
	return isalnum((unsigned char)c) || c == '_';
}

/* word at text[i], with token boundaries on both sides */
static int word_at(const char *text, size_t n, size_t i, const char *word)
{
	size_t w = strlen(word);
	return i + w <= n && !memcmp(text + i, word, w) && (i == 0 || !ident_char(text[i - 1])) &&
	       (i + w == n || !ident_char(text[i + w]));
}

/* `struct page`, `struct folio` (any spacing) or `pgtable_t` at text[i] */
static int page_type_at(const char *text, size_t n, size_t i)
{
	if (word_at(text, n, i, "pgtable_t"))
		return 1;
	if (!word_at(text, n, i, "struct"))
		return 0;
	size_t j = i + 6;
	while (j < n && isspace((unsigned char)text[j]))
		j++;
	return word_at(text, n, j, "page") || word_at(text, n, j, "folio");
}

/* text with comments, string and character literals blanked (newlines kept) */
static char *blank_comments(const char *text, size_t n)
{
	char *b = xmalloc(n + 1);
	memcpy(b, text, n);
	b[n] = 0;
	for (size_t i = 0; i < n; i++) {
		if (b[i] == '/' && i + 1 < n && b[i + 1] == '*') {
			size_t j = i + 2;
			while (j + 1 < n && !(b[j] == '*' && b[j + 1] == '/'))
				j++;
			for (size_t k = i; k < n && k < j + 2; k++)
				if (b[k] != '\n')
					b[k] = ' ';
			i = j + 1;
		} else if (b[i] == '/' && i + 1 < n && b[i + 1] == '/') {
			while (i < n && b[i] != '\n')
				b[i++] = ' ';
		} else if (b[i] == '"' || b[i] == '\'') {
			char q = b[i];
			for (i++; i < n && b[i] != q && b[i] != '\n'; i++) {
				if (b[i] == '\\' && i + 1 < n)
					b[i++] = ' ';
				b[i] = ' ';
			}
		}
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

static int declarator_counts(const char *t, size_t s, size_t e)
{
	int page = 0;
	for (size_t i = s; i < e; i++) {
		if (word_at(t, e, i, "static"))
			return 0;
		page |= page_type_at(t, e, i);
	}
	return page;
}

int text_defines_page_function(const char *text, size_t n)
{
	char *t = blank_comments(text, n);
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
