#include "findings.h"

#include <jansson.h>
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

void findings_print_text(const struct pl_findings *fs, struct strbuf *out)
{
	for (size_t i = 0; i < fs->n; i++) {
		const struct pl_finding *f = &fs->v[i];
		sb_addf(out, "%s:%u:%u: warning: %s [%s]\n", f->loc.file, f->loc.line, f->loc.col, f->message, f->check);
		for (int j = 0; j < f->nnotes; j++)
			sb_addf(out, "%s:%u:%u: note: %s\n", f->notes[j].loc.file, f->notes[j].loc.line, f->notes[j].loc.col,
				f->notes[j].text);
	}
}

/* One JSON object per line (JSON Lines), so TUs can be streamed in order. */
void findings_print_json(const struct pl_findings *fs, struct strbuf *out)
{
	for (size_t i = 0; i < fs->n; i++) {
		const struct pl_finding *f = &fs->v[i];
		json_t *notes = json_array();
		for (int j = 0; j < f->nnotes; j++)
			json_array_append_new(notes, json_pack("{s:s, s:I, s:I, s:s}", "file", f->notes[j].loc.file, "line",
							       (json_int_t)f->notes[j].loc.line, "column",
							       (json_int_t)f->notes[j].loc.col, "message", f->notes[j].text));
		json_t *o = json_pack("{s:s, s:s, s:I, s:I, s:s, s:s, s:o}", "check", f->check, "file", f->loc.file, "line",
				      (json_int_t)f->loc.line, "column", (json_int_t)f->loc.col, "function", f->fn_name,
				      "message", f->message, "notes", notes);
		char *s = json_dumps(o, JSON_COMPACT);
		sb_addf(out, "%s\n", s);
		free(s);
		json_decref(o);
	}
}

void findings_free(struct pl_findings *fs)
{
	for (size_t i = 0; i < fs->n; i++)
		finding_free(&fs->v[i]);
	free(fs->v);
	memset(fs, 0, sizeof(*fs));
}
