#include "fixit.h"

#include <stdlib.h>
#include <string.h>

/* A location that is plain main-file text: its expansion, spelling and file
 * locations agree (not in a macro body, not in a macro argument). */
static int plain_offset(CXSourceLocation sl, CXFile *file, unsigned *offset)
{
	CXFile ef, sf, ff;
	unsigned el, ec, eo, sl_, sc, so, fl, fc, fo;
	if (!clang_Location_isFromMainFile(sl))
		return 0;
	clang_getExpansionLocation(sl, &ef, &el, &ec, &eo);
	clang_getSpellingLocation(sl, &sf, &sl_, &sc, &so);
	clang_getFileLocation(sl, &ff, &fl, &fc, &fo);
	if (!ef || !sf || !ff || !clang_File_isEqual(ef, sf) || !clang_File_isEqual(ef, ff) || eo != so || eo != fo)
		return 0;
	*file = ef;
	*offset = eo;
	return 1;
}

static struct pl_loc loc_at(CXTranslationUnit tu, CXFile file, unsigned offset)
{
	struct pl_loc l = { 0 };
	CXFile f;
	clang_getFileLocation(clang_getLocationForOffset(tu, file, offset), &f, &l.line, &l.col, &l.offset);
	CXString s = clang_getFileName(file);
	const char *p = clang_getCString(s);
	l.file = xstrdup(p ? p : "<unknown>");
	clang_disposeString(s);
	return l;
}

static int add_fixit(CXTranslationUnit tu, CXFile file, unsigned begin, unsigned end, const char *text,
		     struct pl_finding *f)
{
	if (f->nfixits == PL_MAX_FIXITS)
		return -1;
	struct pl_fixit *x = &f->fixits[f->nfixits++];
	x->begin = loc_at(tu, file, begin);
	x->end = loc_at(tu, file, end);
	x->text = xstrdup(text);
	return 0;
}

static const struct pl_call *direct_call(const struct pl_fn *fn, int ev)
{
	if (ev < 0 || fn->ev[ev].kind != EV_CALL)
		return NULL;
	const struct pl_call *c = &fn->calls[fn->ev[ev].aux];
	if (c->is_macro || !c->name[0] || clang_getCursorKind(fn->ev[ev].cur) != CXCursor_CallExpr)
		return NULL;
	return c;
}

int fixit_rename_call(const struct pl_fn *fn, int ev, const char *to, struct pl_finding *f)
{
	const struct pl_call *c = direct_call(fn, ev);
	if (!c)
		return -1;
	CXCursor cur = fn->ev[ev].cur;
	CXFile file;
	unsigned off;
	if (!plain_offset(clang_getRangeStart(clang_getCursorExtent(cur)), &file, &off))
		return -1;
	CXTranslationUnit tu = clang_Cursor_getTranslationUnit(cur);
	size_t size;
	const char *text = clang_getFileContents(tu, file, &size);
	size_t len = strlen(c->name);
	/* The call starts with the callee's name, then '(': not (*fp)(), not a
	 * macro of another name that expands to the call. */
	if (!text || off + len >= size || strncmp(text + off, c->name, len) != 0)
		return -1;
	size_t i = off + len;
	while (i < size && (text[i] == ' ' || text[i] == '\t'))
		i++;
	if (i >= size || text[i] != '(')
		return -1;
	return add_fixit(tu, file, off, off + (unsigned)len, to, f);
}

static int loose_operator(const char *t)
{
	static const char *const ops[] = { "?", ":", "&&", "||", "=", "+=", "-=", "|=", "&=", "^=", "<<=", ">>=",
					   "*=", "/=", "%=" };
	for (size_t i = 0; i < sizeof(ops) / sizeof(ops[0]); i++)
		if (!strcmp(t, ops[i]))
			return 1;
	return 0;
}

int fixit_append_to_arg(const struct pl_fn *fn, int ev, int arg, const char *text, struct pl_finding *f)
{
	const struct pl_call *c = direct_call(fn, ev);
	if (!c || arg < 0 || arg >= c->nargs)
		return -1;
	CXCursor cur = fn->ev[ev].cur;
	CXSourceRange ext = clang_getCursorExtent(cur);
	CXFile file, efile;
	unsigned off, eoff;
	if (!plain_offset(clang_getRangeStart(ext), &file, &off) || !plain_offset(clang_getRangeEnd(ext), &efile, &eoff) ||
	    !clang_File_isEqual(file, efile))
		return -1;
	CXTranslationUnit tu = clang_Cursor_getTranslationUnit(cur);
	CXToken *toks;
	unsigned ntoks;
	clang_tokenize(tu, ext, &toks, &ntoks);
	/* Walk the argument list by its punctuation: arguments are separated by
	 * commas at parenthesis depth 1. */
	int depth = 0, cur_arg = 0, last = -1, bad = 0, done = 0;
	for (unsigned i = 0; i < ntoks && !done; i++) {
		CXString s = clang_getTokenSpelling(tu, toks[i]);
		const char *t = clang_getCString(s);
		int punct = clang_getTokenKind(toks[i]) == CXToken_Punctuation;
		if (punct && (!strcmp(t, "(") || !strcmp(t, "[") || !strcmp(t, "{"))) {
			if (depth++ == 0) {
				clang_disposeString(s);
				continue;
			}
		} else if (punct && (!strcmp(t, ")") || !strcmp(t, "]") || !strcmp(t, "}"))) {
			if (--depth == 0)
				done = 1;
		} else if (punct && depth == 1 && !strcmp(t, ",")) {
			if (cur_arg++ == arg)
				done = 1;
		} else if (depth == 1 && cur_arg == arg && punct && loose_operator(t)) {
			bad = 1;
		}
		if (!done && depth >= 1 && cur_arg == arg)
			last = (int)i;
		clang_disposeString(s);
	}
	/* The argument's last token is rewritten as itself plus text, rather
	 * than text inserted after it: a replacement that starts with a blank
	 * does not survive YAML plain scalars in every tool. */
	int ret = -1;
	CXFile lf, bf;
	unsigned loff, boff;
	if (done && !bad && last >= 0 && cur_arg >= arg &&
	    plain_offset(clang_getRangeStart(clang_getTokenExtent(tu, toks[last])), &bf, &boff) &&
	    plain_offset(clang_getRangeEnd(clang_getTokenExtent(tu, toks[last])), &lf, &loff) &&
	    clang_File_isEqual(lf, file) && clang_File_isEqual(bf, file)) {
		CXString s = clang_getTokenSpelling(tu, toks[last]);
		char *repl = xasprintf("%s%s", clang_getCString(s), text);
		clang_disposeString(s);
		ret = add_fixit(tu, file, boff, loff, repl, f);
		free(repl);
	}
	clang_disposeTokens(tu, toks, ntoks);
	return ret;
}
