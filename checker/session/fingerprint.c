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

/* ---- the statement around an offset ------------------------------------ */

struct stmt_search {
	CXFile file;
	unsigned off;
	CXCursor best;
	int found;
	int in_stmt_expr; /* inside a macro's ({ ... }): its insides are not the statement */
};

static int extent_contains(CXCursor c, CXFile file, unsigned off)
{
	CXSourceRange r = clang_getCursorExtent(c);
	CXFile fb, fe;
	unsigned b, e;
	clang_getFileLocation(clang_getRangeStart(r), &fb, NULL, NULL, &b);
	clang_getFileLocation(clang_getRangeEnd(r), &fe, NULL, NULL, &e);
	return fb && fe && clang_File_isEqual(fb, file) && clang_File_isEqual(fe, file) && b <= off && off < e;
}

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

static enum CXChildVisitResult find_statement(CXCursor c, CXCursor parent, CXClientData data)
{
	struct stmt_search *s = data;
	if (!extent_contains(c, s->file, s->off))
		return CXChildVisit_Continue;
	if (!s->in_stmt_expr && statement_level(c, parent)) {
		s->best = c;
		s->found = 1;
	}
	if (clang_getCursorKind(c) == CXCursor_StmtExpr)
		s->in_stmt_expr = 1;
	return CXChildVisit_Recurse;
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

char *fingerprint_statement_text(CXTranslationUnit tu, const char *file, unsigned off)
{
	struct stmt_search s = { clang_getFile(tu, file), off, clang_getNullCursor(), 0, 0 };
	if (!s.file)
		return xstrdup("");
	clang_visitChildren(clang_getTranslationUnitCursor(tu), find_statement, &s);
	if (!s.found)
		return xstrdup("");
	return tokens_text(tu, clang_getCursorExtent(s.best));
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

static uint64_t finding_key(CXTranslationUnit tu, const char *root, const struct pagelife_finding *f)
{
	char *path = fingerprint_path(f->loc.file, root);
	char *stmt = fingerprint_statement_text(tu, f->loc.file, f->loc.offset);
	char *origin = f->nnotes ? fingerprint_statement_text(tu, f->notes[0].loc.file, f->notes[0].loc.offset)
				 : xstrdup("");
	uint64_t h = key_of(f->check, path, f->function, stmt, origin);
	free(path);
	free(stmt);
	free(origin);
	return h;
}

void fingerprint_findings(CXTranslationUnit tu, const char *const *args, size_t nargs, struct pagelife_result *out)
{
	if (!out->nfindings)
		return;
	char *root = fingerprint_root(args, nargs);
	uint64_t *keys = xcalloc(out->nfindings, sizeof(*keys));
	for (size_t i = 0; i < out->nfindings; i++) {
		keys[i] = finding_key(tu, root, &out->findings[i]);
		/* findings come sorted by location: the index counts the equal
		 * ones before this one */
		uint64_t occurrence = 0;
		for (size_t j = 0; j < i; j++)
			occurrence += keys[j] == keys[i];
		free(out->findings[i].fingerprint);
		out->findings[i].fingerprint = with_occurrence(keys[i], occurrence);
	}
	free(keys);
	free(root);
}
