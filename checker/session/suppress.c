/* NOLINT / NOLINTNEXTLINE.  Comments come from clang's own tokenizer, so a
 * "NOLINT" in a string literal is not one.  Fingerprints are computed
 * before this runs: silencing one finding does not renumber the others. */
#include "suppress.h"
#include "checks.h"
#include "fingerprint.h"
#include "util.h"

#include <ctype.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>

struct suppression {
	unsigned line;          /* the line it silences */
	struct pagelife_location at; /* where the NOLINT word is */
	char *text;             /* "NOLINT(page-ref-leak)" as written */
	char **ids;             /* globs; none: every check */
	size_t nids;
	unsigned char *used;    /* per id; [0] when there is no list */
};

struct suppressions {
	struct suppression *v;
	size_t n, cap;
};

static int ident_char(char c)
{
	return isalnum((unsigned char)c) || c == '_';
}

static char *trimmed(const char *b, const char *e)
{
	while (b < e && isspace((unsigned char)*b))
		b++;
	while (e > b && isspace((unsigned char)e[-1]))
		e--;
	return xstrndup(b, (size_t)(e - b));
}

/* Every NOLINT of one comment; line/col/offset are the comment's start. */
static void parse_comment(const char *c, const char *file, unsigned line, unsigned col, unsigned offset,
			  struct suppressions *out)
{
	for (const char *p = strstr(c, "NOLINT"); p; p = strstr(p + 1, "NOLINT")) {
		if (p > c && ident_char(p[-1]))
			continue;
		const char *q = p + 6;
		int next = 0;
		if (!strncmp(q, "NEXTLINE", 8)) {
			next = 1;
			q += 8;
		}
		if (ident_char(*q))
			continue; /* NOLINTBEGIN, NOLINTEND, NOLINTFOO: not supported / not ours */
		struct suppression s = { 0 };
		if (*q == '(') {
			const char *close = strchr(q, ')');
			if (!close)
				continue; /* malformed: silences nothing */
			size_t cap = 0;
			for (const char *b = q + 1; b < close;) {
				const char *e = memchr(b, ',', (size_t)(close - b));
				if (!e)
					e = close;
				char *id = trimmed(b, e);
				if (*id)
					VEC_PUSH(s.ids, s.nids, cap, id);
				else
					free(id);
				b = e + 1;
			}
			q = close + 1;
		}
		/* where the word is: the comment may span lines */
		unsigned l = line, cl = col;
		for (const char *r = c; r < p; r++) {
			if (*r == '\n') {
				l++;
				cl = 1;
			} else {
				cl++;
			}
		}
		s.line = l + (unsigned)next;
		s.at.file = xstrdup(file);
		s.at.line = l;
		s.at.column = cl;
		s.at.offset = offset + (unsigned)(p - c);
		s.text = xstrndup(p, (size_t)(q - p));
		s.used = xcalloc(s.nids ? s.nids : 1, 1);
		VEC_PUSH(out->v, out->n, out->cap, s);
	}
}

static void read_suppressions(CXTranslationUnit tu, CXFile file, const char *name, struct suppressions *out)
{
	size_t size = 0;
	const char *text = clang_getFileContents(tu, file, &size);
	if (!text || !memmem(text, size, "NOLINT", 6))
		return; /* the usual case: no need to tokenize */
	CXSourceRange all = clang_getRange(clang_getLocationForOffset(tu, file, 0),
					   clang_getLocationForOffset(tu, file, (unsigned)size));
	CXToken *toks = NULL;
	unsigned n = 0;
	clang_tokenize(tu, all, &toks, &n);
	for (unsigned i = 0; i < n; i++) {
		if (clang_getTokenKind(toks[i]) != CXToken_Comment)
			continue;
		CXString sp = clang_getTokenSpelling(tu, toks[i]);
		const char *c = clang_getCString(sp);
		if (c && strstr(c, "NOLINT")) {
			unsigned line, col, off;
			clang_getFileLocation(clang_getTokenLocation(tu, toks[i]), NULL, &line, &col, &off);
			parse_comment(c, name, line, col, off, out);
		}
		clang_disposeString(sp);
	}
	if (toks)
		clang_disposeTokens(tu, toks, n);
}

/* Marks what silences f; returns whether anything does. */
static int silenced(struct suppressions *ss, const struct pagelife_finding *f)
{
	int hit = 0;
	for (size_t i = 0; i < ss->n; i++) {
		struct suppression *s = &ss->v[i];
		if (s->line != f->loc.line || strcmp(s->at.file, f->loc.file))
			continue;
		if (!s->nids) {
			s->used[0] = hit = 1;
			continue;
		}
		for (size_t k = 0; k < s->nids; k++)
			if (!fnmatch(s->ids[k], f->check, 0))
				s->used[k] = hit = 1;
	}
	return hit;
}

static void free_finding(struct pagelife_finding *f)
{
	struct pagelife_result one = { .findings = xcalloc(1, sizeof(*f)), .nfindings = 1 };
	one.findings[0] = *f;
	pagelife_result_free(&one);
}

/* Which enabled checks a glob names: -1 none at all, 0 only disabled ones, 1 an enabled one. */
static int names_enabled_check(const char *glob, const unsigned char *enabled)
{
	int r = -1;
	for (size_t c = 0; c < pl_num_checks; c++)
		if (!fnmatch(glob, pl_all_checks[c]->id, 0))
			r = enabled[c] ? 1 : (r < 0 ? 0 : r);
	return r;
}

static void add_unused(struct pagelife_result *out, size_t *cap, const struct suppression *s, char *message,
		       const char *root, const char *what)
{
	struct pagelife_finding f = { 0 };
	f.check = PL_UNUSED_SUPPRESSION;
	f.loc = s->at;
	f.loc.file = xstrdup(s->at.file);
	f.function = xstrdup("");
	f.message = message;
	char *path = fingerprint_path(f.loc.file, root);
	unsigned occurrence = 0;
	for (size_t i = 0; i < out->nfindings; i++)
		occurrence += out->findings[i].check == f.check && !strcmp(out->findings[i].message, message);
	f.fingerprint = fingerprint_make(f.check, path, "", s->text, what, occurrence);
	free(path);
	VEC_PUSH(out->findings, out->nfindings, *cap, f);
}

static void report_unused(struct suppressions *ss, const unsigned char *enabled, const char *root,
			  struct pagelife_result *out)
{
	size_t cap = out->nfindings;
	for (size_t i = 0; i < ss->n; i++) {
		const struct suppression *s = &ss->v[i];
		const char *where = s->line == s->at.line ? "on this line" : "on the next line";
		if (!s->nids && !s->used[0])
			add_unused(out, &cap, s, xasprintf("'%s' silenced no finding %s", s->text, where), root, "");
		for (size_t k = 0; k < s->nids; k++) {
			int named = names_enabled_check(s->ids[k], enabled);
			if (named < 0 && !strncmp(s->ids[k], "page-", 5))
				add_unused(out, &cap, s,
					   xasprintf("'%s' in '%s' names no pagelife check (see --list-checks)",
						     s->ids[k], s->text),
					   root, s->ids[k]);
			else if (named > 0 && !s->used[k])
				add_unused(out, &cap, s,
					   xasprintf("'%s' in '%s' silenced no finding %s", s->ids[k], s->text, where),
					   root, s->ids[k]);
			/* ids of other tools, or of disabled checks: not ours to judge */
		}
	}
}

static int cmp_finding(const void *pa, const void *pb)
{
	const struct pagelife_finding *a = pa, *b = pb;
	int c = strcmp(a->loc.file, b->loc.file);
	if (c)
		return c;
	if (a->loc.line != b->loc.line)
		return a->loc.line < b->loc.line ? -1 : 1;
	if (a->loc.column != b->loc.column)
		return a->loc.column < b->loc.column ? -1 : 1;
	return strcmp(a->check, b->check);
}

void suppress_findings(CXTranslationUnit tu, const unsigned char *enabled, int warn_unused, const char *root,
		       struct pagelife_result *out)
{
	CXString spelling = clang_getTranslationUnitSpelling(tu);
	CXFile main_file = clang_getFile(tu, clang_getCString(spelling));
	clang_disposeString(spelling);
	if (!main_file)
		return;
	CXString name = clang_getFileName(main_file);
	struct suppressions ss = { 0 };
	read_suppressions(tu, main_file, clang_getCString(name), &ss);
	clang_disposeString(name);
	if (!ss.n)
		return;
	size_t kept = 0;
	for (size_t i = 0; i < out->nfindings; i++) {
		if (silenced(&ss, &out->findings[i]))
			free_finding(&out->findings[i]);
		else
			out->findings[kept++] = out->findings[i];
	}
	out->nfindings = kept;
	if (warn_unused) {
		report_unused(&ss, enabled, root, out);
		if (out->nfindings)
			qsort(out->findings, out->nfindings, sizeof(*out->findings), cmp_finding);
	}
	for (size_t i = 0; i < ss.n; i++) {
		free(ss.v[i].at.file);
		free(ss.v[i].text);
		for (size_t k = 0; k < ss.v[i].nids; k++)
			free(ss.v[i].ids[k]);
		free(ss.v[i].ids);
		free(ss.v[i].used);
	}
	free(ss.v);
}
