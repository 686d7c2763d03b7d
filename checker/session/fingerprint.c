/* Fingerprints from what a reader would call "the same finding": the check,
 * the file (relative to the compile's directory, so another checkout gives
 * the same value), the function, the statement at the finding and the
 * statement of its origin (first note) as normalised token text, and an
 * occurrence index among findings with all of that equal.  Line numbers
 * never enter, so lines moving or other functions changing leave it be. */
#include "fingerprint.h"
#include "util.h"

#include <inttypes.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* FNV-1a, 64 bit: not cryptographic, only stable and well spread. */
#define FNV_OFFSET 0xcbf29ce484222325ULL
#define FNV_PRIME 0x100000001b3ULL

static void hash_bytes(uint64_t *h, const void *p, size_t n)
{
	const unsigned char *b = p;
	for (size_t i = 0; i < n; i++) {
		*h ^= b[i];
		*h *= FNV_PRIME;
	}
}

/* A field and its terminator, so ("ab","c") and ("a","bc") differ. */
static void hash_field(uint64_t *h, const char *s)
{
	if (s)
		hash_bytes(h, s, strlen(s));
	hash_bytes(h, "", 1);
}

char *fingerprint_path(const char *file, const char *root)
{
	size_t n = root ? strlen(root) : 0;
	while (n > 1 && root[n - 1] == '/')
		n--;
	const char *p = file;
	if (file[0] == '/' && n && !strncmp(file, root, n) && file[n] == '/')
		p = file + n + 1;
	while (p[0] == '.' && p[1] == '/')
		p += 2;
	return xstrdup(p);
}

char *fingerprint_root(const char *const *args, size_t nargs)
{
	const char *wd = NULL;
	for (size_t i = 0; i + 1 < nargs; i++)
		if (!strcmp(args[i], "-working-directory"))
			wd = args[i + 1];
	if (wd)
		return xstrdup(wd);
	char *cwd = getcwd(NULL, 0);
	return cwd ? cwd : xstrdup("");
}

struct cursor_vec {
	CXCursor *c;
	size_t n, cap;
};

/* ---- the statement around an offset ------------------------------------ */

/* One offset looked up: the innermost statement-level cursor on the path of
 * cursors whose extents hold it, outside any ({ ... }) of a macro. */
struct stmt_query {
	unsigned off;
	size_t index;     /* in the caller's order */
	CXCursor best;
	int found;
	int in_stmt_expr; /* inside a macro's ({ ... }): its insides are not the statement */
};

/* A full statement of a block, or the condition / body of a control
 * statement: what a reader points at as "the statement". */
static int statement_level(CXCursor c, CXCursor parent)
{
	enum CXCursorKind k = clang_getCursorKind(c);
	if (k == CXCursor_CompoundStmt || !(clang_isStatement(k) || clang_isExpression(k) || clang_isDeclaration(k)))
		return 0;
	switch (clang_getCursorKind(parent)) {
	case CXCursor_CompoundStmt:
	case CXCursor_IfStmt:
	case CXCursor_WhileStmt:
	case CXCursor_DoStmt:
	case CXCursor_ForStmt:
	case CXCursor_SwitchStmt:
	case CXCursor_CaseStmt:
	case CXCursor_DefaultStmt:
	case CXCursor_LabelStmt:
		return 1;
	default:
		return 0;
	}
}

static enum CXChildVisitResult list_child(CXCursor c, CXCursor parent, CXClientData data)
{
	(void)parent;
	struct cursor_vec *v = data;
	VEC_PUSH(v->c, v->n, v->cap, c);
	return CXChildVisit_Continue;
}

/* A cursor on the walk, with its children and the queries its extent holds
 * (q[lo..hi), sorted by offset). */
struct walk_frame {
	CXCursor node;
	struct cursor_vec kids;
	size_t next, lo, hi;
};

/* Every query at once, in one walk that enters only the cursors holding
 * one (as a walk per query would, in the same order), so that many
 * findings in one long function cost one walk of it. */
static void find_statements(CXTranslationUnit tu, CXFile file, struct stmt_query *q, size_t nq)
{
	struct walk_frame *st = NULL;
	size_t sp = 0, cap = 0;
	struct walk_frame root = { clang_getTranslationUnitCursor(tu), { 0 }, 0, 0, nq };
	VEC_PUSH(st, sp, cap, root);
	clang_visitChildren(root.node, list_child, &st[0].kids);
	while (sp) {
		struct walk_frame *f = &st[sp - 1];
		if (f->next >= f->kids.n) {
			free(f->kids.c);
			sp--;
			continue;
		}
		CXCursor c = f->kids.c[f->next++];
		CXSourceRange r = clang_getCursorExtent(c);
		CXFile fb, fe;
		unsigned b, e;
		clang_getFileLocation(clang_getRangeStart(r), &fb, NULL, NULL, &b);
		clang_getFileLocation(clang_getRangeEnd(r), &fe, NULL, NULL, &e);
		if (!fb || !fe || !clang_File_isEqual(fb, file) || !clang_File_isEqual(fe, file))
			continue;
		size_t lo = f->lo, hi = f->hi;
		while (lo < hi && q[lo].off < b) /* first query at or after b */
			lo++;
		size_t end = lo;
		while (end < hi && q[end].off < e)
			end++;
		if (lo == end)
			continue;
		int level = statement_level(c, f->node), is_stmt_expr = clang_getCursorKind(c) == CXCursor_StmtExpr;
		for (size_t i = lo; i < end; i++) {
			if (!q[i].in_stmt_expr && level) {
				q[i].best = c;
				q[i].found = 1;
			}
			if (is_stmt_expr)
				q[i].in_stmt_expr = 1;
		}
		struct walk_frame child = { c, { 0 }, 0, lo, end };
		VEC_PUSH(st, sp, cap, child);
		clang_visitChildren(c, list_child, &st[sp - 1].kids);
	}
	free(st);
}

static char *tokens_text(CXTranslationUnit tu, CXSourceRange range)
{
	CXToken *toks = NULL;
	unsigned n = 0;
	clang_tokenize(tu, range, &toks, &n);
	struct strbuf sb = { 0 };
	sb_add(&sb, "");
	for (unsigned i = 0; i < n; i++) {
		if (clang_getTokenKind(toks[i]) == CXToken_Comment)
			continue;
		CXString sp = clang_getTokenSpelling(tu, toks[i]);
		if (sb.len)
			sb_add(&sb, " ");
		sb_add(&sb, clang_getCString(sp));
		clang_disposeString(sp);
	}
	if (toks)
		clang_disposeTokens(tu, toks, n);
	return sb_take(&sb);
}

static int cmp_query(const void *a, const void *b)
{
	const struct stmt_query *x = a, *y = b;
	if (x->off != y->off)
		return x->off < y->off ? -1 : 1;
	return (x->index > y->index) - (x->index < y->index);
}

/* texts[i]: the statement text around offs[i] of file. */
static void statement_texts(CXTranslationUnit tu, const char *file, const unsigned *offs, size_t n, char **texts)
{
	CXFile f = clang_getFile(tu, file);
	struct stmt_query *q = xcalloc(n ? n : 1, sizeof(*q));
	for (size_t i = 0; i < n; i++) {
		q[i].off = offs[i];
		q[i].index = i;
	}
	if (f) {
		qsort(q, n, sizeof(*q), cmp_query);
		find_statements(tu, f, q, n);
	}
	for (size_t i = 0; i < n; i++)
		texts[q[i].index] = f && q[i].found ? tokens_text(tu, clang_getCursorExtent(q[i].best)) : xstrdup("");
	free(q);
}

char *fingerprint_statement_text(CXTranslationUnit tu, const char *file, unsigned off)
{
	char *text;
	statement_texts(tu, file, &off, 1, &text);
	return text;
}

/* ---- the fingerprints of a TU ------------------------------------------ */

static uint64_t key_of(const char *check, const char *path, const char *function, const char *text,
		       const char *origin)
{
	uint64_t h = FNV_OFFSET;
	hash_field(&h, check);
	hash_field(&h, path);
	hash_field(&h, function);
	hash_field(&h, text);
	hash_field(&h, origin);
	return h;
}

static char *with_occurrence(uint64_t h, uint64_t occurrence)
{
	char idx[24];
	snprintf(idx, sizeof(idx), "%" PRIu64, occurrence);
	hash_field(&h, idx);
	return xasprintf("%016" PRIx64, h);
}

char *fingerprint_make(const char *check, const char *path, const char *function, const char *text,
		       const char *origin, unsigned occurrence)
{
	return with_occurrence(key_of(check, path, function, text, origin), occurrence);
}

/* The statements of findings (2i) and of their origins (2i + 1), file by
 * file, each file in one walk. */
static char **all_statement_texts(CXTranslationUnit tu, const struct pagelife_result *out)
{
	size_t n = 2 * out->nfindings;
	char **texts = xcalloc(n, sizeof(char *));
	const char **files = xcalloc(n, sizeof(char *));
	unsigned *offs = xcalloc(n, sizeof(unsigned));
	for (size_t i = 0; i < out->nfindings; i++) {
		const struct pagelife_finding *f = &out->findings[i];
		files[2 * i] = f->loc.file;
		offs[2 * i] = f->loc.offset;
		if (f->nnotes) {
			files[2 * i + 1] = f->notes[0].loc.file;
			offs[2 * i + 1] = f->notes[0].loc.offset;
		} else {
			texts[2 * i + 1] = xstrdup("");
		}
	}
	size_t *pick = xcalloc(n, sizeof(size_t));
	unsigned *poffs = xcalloc(n, sizeof(unsigned));
	char **ptexts = xcalloc(n, sizeof(char *));
	for (size_t i = 0; i < n; i++) {
		if (texts[i] || !files[i])
			continue;
		size_t m = 0; /* this file's queries not answered yet */
		for (size_t j = i; j < n; j++)
			if (!texts[j] && files[j] && !strcmp(files[j], files[i])) {
				pick[m] = j;
				poffs[m++] = offs[j];
			}
		statement_texts(tu, files[i], poffs, m, ptexts);
		for (size_t k = 0; k < m; k++)
			texts[pick[k]] = ptexts[k];
	}
	for (size_t i = 0; i < n; i++)
		if (!texts[i])
			texts[i] = xstrdup("");
	free(pick);
	free(poffs);
	free(ptexts);
	free(files);
	free(offs);
	return texts;
}

struct key_count {
	uint64_t key;
	uint64_t count;
	int used;
};

void fingerprint_findings(CXTranslationUnit tu, const char *const *args, size_t nargs, struct pagelife_result *out)
{
	if (!out->nfindings)
		return;
	char *root = fingerprint_root(args, nargs);
	char **texts = all_statement_texts(tu, out);
	/* findings come sorted by location: the occurrence index counts the
	 * equal keys before this one (a table, not a scan of all before) */
	size_t cap = 16;
	while (cap < 2 * out->nfindings)
		cap *= 2;
	struct key_count *seen = xcalloc(cap, sizeof(*seen));
	for (size_t i = 0; i < out->nfindings; i++) {
		const struct pagelife_finding *f = &out->findings[i];
		char *path = fingerprint_path(f->loc.file, root);
		uint64_t key = key_of(f->check, path, f->function, texts[2 * i], texts[2 * i + 1]);
		free(path);
		size_t h = (size_t)(key ^ (key >> 29)) & (cap - 1);
		while (seen[h].used && seen[h].key != key)
			h = (h + 1) & (cap - 1);
		seen[h].used = 1;
		seen[h].key = key;
		free(out->findings[i].fingerprint);
		out->findings[i].fingerprint = with_occurrence(key, seen[h].count++);
	}
	for (size_t i = 0; i < 2 * out->nfindings; i++)
		free(texts[i]);
	free(texts);
	free(seen);
	free(root);
}
