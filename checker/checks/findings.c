#include "findings.h"

#include <stdlib.h>
#include <string.h>

struct pl_loc event_loc(const struct pl_fn *fn, int ev)
{
	struct pl_loc l = { 0 };
	const struct pl_event *e = &fn->ev[ev];
	CXSourceLocation sl;
	if (e->kind == EV_CALL)
		sl = clang_getRangeStart(clang_getCursorExtent(e->cur));
	else if (e->kind == EV_RETURN && clang_getCursorKind(e->cur) == CXCursor_CompoundStmt)
		sl = clang_getRangeEnd(clang_getCursorExtent(e->cur)); /* falling off the end: the '}' */
	else
		sl = clang_getCursorLocation(e->cur);
	CXFile f;
	clang_getFileLocation(sl, &f, &l.line, &l.col, &l.offset);
	if (e->kind == EV_RETURN && clang_getCursorKind(e->cur) == CXCursor_CompoundStmt && l.col > 1) {
		l.col--; /* the range ends after the brace */
		l.offset--;
	}
	CXString s = clang_getFileName(f);
	const char *p = clang_getCString(s);
	l.file = xstrdup(p ? p : "<unknown>");
	clang_disposeString(s);
	return l;
}

struct pl_loc cursor_loc(CXCursor c)
{
	struct pl_loc l = { 0 };
	CXFile f;
	clang_getFileLocation(clang_getCursorLocation(c), &f, &l.line, &l.col, &l.offset);
	CXString s = clang_getFileName(f);
	const char *p = clang_getCString(s);
	l.file = xstrdup(p ? p : "<unknown>");
	clang_disposeString(s);
	return l;
}

void loc_free(struct pl_loc *l)
{
	free(l->file);
	l->file = NULL;
}

static void finding_free(struct pl_finding *f)
{
	loc_free(&f->loc);
	free(f->message);
	free(f->fn_name);
	for (int i = 0; i < f->nnotes; i++) {
		loc_free(&f->notes[i].loc);
		free(f->notes[i].text);
	}
	for (int i = 0; i < f->nfixits; i++) {
		loc_free(&f->fixits[i].begin);
		loc_free(&f->fixits[i].end);
		free(f->fixits[i].text);
	}
}

void findings_add(struct pl_findings *fs, struct pl_finding *f)
{
	VEC_PUSH(fs->v, fs->n, fs->cap, *f);
}

static int cmp_loc(const struct pl_loc *a, const struct pl_loc *b)
{
	int c = strcmp(a->file, b->file);
	if (c)
		return c;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->col != b->col)
		return a->col < b->col ? -1 : 1;
	return 0;
}

static int cmp_finding(const void *pa, const void *pb)
{
	const struct pl_finding *a = pa, *b = pb;
	int c = cmp_loc(&a->loc, &b->loc);
	if (c)
		return c;
	c = strcmp(a->check, b->check);
	if (c)
		return c;
	return strcmp(a->message, b->message);
}

static int same_key(const struct pl_finding *a, const struct pl_finding *b)
{
	return a->site >= 0 && a->site == b->site && !strcmp(a->check, b->check) && !strcmp(a->fn_name, b->fn_name);
}

void findings_finish(struct pl_findings *fs)
{
	if (!fs->n)
		return; /* qsort(NULL, 0) is undefined */
	qsort(fs->v, fs->n, sizeof(*fs->v), cmp_finding);
	size_t out = 0;
	for (size_t i = 0; i < fs->n; i++) {
		int dup = 0;
		for (size_t j = 0; j < out && !dup; j++)
			dup = same_key(&fs->v[j], &fs->v[i]) ||
			      (cmp_finding(&fs->v[j], &fs->v[i]) == 0);
		if (dup)
			finding_free(&fs->v[i]);
		else
			fs->v[out++] = fs->v[i];
	}
	fs->n = out;
}

void findings_free(struct pl_findings *fs)
{
	for (size_t i = 0; i < fs->n; i++)
		finding_free(&fs->v[i]);
	free(fs->v);
	memset(fs, 0, sizeof(*fs));
}
