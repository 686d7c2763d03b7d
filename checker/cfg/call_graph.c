/* Who calls the main file's functions, from the AST.  A function is
 * opaque when some reference to it is not the callee of a direct call made
 * in a main-file function body: its address is taken (an ops table, a
 * walker callback, a function pointer), or a declaration outside the
 * file's functions uses it.  Every reference counts, so a use this scan
 * does not understand makes the function opaque rather than unseen. */
#include "call_graph.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

struct scan {
	struct pl_callgraph *g;
	struct cursor_map idx;  /* canonical declaration -> index */
	unsigned *refs, *direct;
	int owner;              /* index of the function whose body is scanned, -1 */
	int started;            /* a main-file function was declared: late headers count */
};

static int fn_index(const struct scan *s, CXCursor ref)
{
	if (clang_getCursorKind(ref) != CXCursor_FunctionDecl)
		return -1;
	return cursor_map_get(&s->idx, clang_getCanonicalCursor(ref));
}

/* The first and second children of a cursor. */
struct two_kids {
	CXCursor v[2];
	int n;
};

static enum CXChildVisitResult collect_two(CXCursor c, CXCursor parent, CXClientData data)
{
	(void)parent;
	struct two_kids *k = data;
	if (k->n < 2)
		k->v[k->n] = c;
	k->n++;
	return CXChildVisit_Continue;
}

/* Through implicit casts and parentheses, as a function's address is
 * written: ".writepage = shmem_writepage", "(void *)cb". */
static CXCursor strip_to_ref(CXCursor c)
{
	for (int depth = 0; depth < 8; depth++) {
		enum CXCursorKind k = clang_getCursorKind(c);
		if (k != CXCursor_UnexposedExpr && k != CXCursor_ParenExpr && k != CXCursor_CStyleCastExpr &&
		    k != CXCursor_UnaryOperator)
			return c;
		struct two_kids kids = { .n = 0 };
		clang_visitChildren(c, collect_two, &kids);
		if (kids.n < 1)
			return c;
		c = kids.v[kids.n == 1 ? 0 : 1]; /* a cast's type reference comes first */
	}
	return c;
}

/* A main-file function stored into a struct field: "struct.field" on fn. */
static void note_field_store(struct scan *s, CXCursor c)
{
	enum CXCursorKind k = clang_getCursorKind(c);
	if (k != CXCursor_UnexposedExpr && k != CXCursor_BinaryOperator)
		return;
	if (k == CXCursor_BinaryOperator && clang_getCursorBinaryOperatorKind(c) != CXBinaryOperator_Assign)
		return;
	struct two_kids kids = { .n = 0 };
	clang_visitChildren(c, collect_two, &kids);
	if (kids.n != 2)
		return;
	enum CXCursorKind fk = clang_getCursorKind(kids.v[0]);
	if (fk != CXCursor_MemberRef && fk != CXCursor_MemberRefExpr)
		return;
	int i = fn_index(s, clang_getCursorReferenced(strip_to_ref(kids.v[1])));
	CXCursor field = clang_getCursorReferenced(kids.v[0]);
	if (i < 0 || clang_getCursorKind(field) != CXCursor_FieldDecl)
		return;
	CXCursor rec = clang_getCursorSemanticParent(field);
	CXString rn = clang_getCursorSpelling(rec), fnm = clang_getCursorSpelling(field);
	char *name = xasprintf("%s.%s", clang_getCString(rn), clang_getCString(fnm));
	clang_disposeString(rn);
	clang_disposeString(fnm);
	struct pl_cg_fn *f = &s->g->fn[i];
	for (size_t j = 0; j < f->nfields; j++)
		if (!strcmp(f->fields[j], name)) {
			free(name);
			return;
		}
	VEC_PUSH(f->fields, f->nfields, f->fields_cap, name);
}

static enum CXChildVisitResult visit_expr(CXCursor c, CXCursor parent, CXClientData data)
{
	struct scan *s = data;
	enum CXCursorKind k = clang_getCursorKind(c);
	/* a field designator (".writepage = f") or the left side of
	 * "rwc.rmap_one = f": look at the pair only then (cheap) */
	if (k == CXCursor_MemberRef ||
	    (k == CXCursor_MemberRefExpr && clang_getCursorKind(parent) == CXCursor_BinaryOperator))
		note_field_store(s, parent);
	if (k == CXCursor_DeclRefExpr) {
		int i = fn_index(s, clang_getCursorReferenced(c));
		if (i >= 0) {
			s->refs[i]++;
			if (s->owner < 0)
				s->g->fn[i].opaque = 1;
		}
	} else if (k == CXCursor_CallExpr) {
		/* the callee, through parentheses and implicit casts: a direct call */
		int i = fn_index(s, clang_getCursorReferenced(c));
		if (i >= 0 && s->owner >= 0) {
			s->direct[i]++;
			struct pl_cg_call call = { s->owner, i };
			VEC_PUSH(s->g->calls, s->g->ncalls, s->g->calls_cap, call);
		}
	}
	return CXChildVisit_Recurse;
}

static enum CXChildVisitResult visit_top(CXCursor c, CXCursor parent, CXClientData data)
{
	(void)parent;
	struct scan *s = data;
	int main_file = clang_Location_isFromMainFile(clang_getCursorLocation(c));
	if (main_file && clang_getCursorKind(c) == CXCursor_FunctionDecl)
		s->started = 1;
	if (!main_file && !s->started)
		return CXChildVisit_Continue; /* headers before the file's own code */
	s->owner = -1;
	if (main_file && clang_getCursorKind(c) == CXCursor_FunctionDecl && clang_isCursorDefinition(c))
		s->owner = fn_index(s, c);
	clang_visitChildren(c, visit_expr, s);
	return CXChildVisit_Continue;
}

void callgraph_build(struct pl_callgraph *g, CXTranslationUnit tu, const CXCursor *defs, size_t ndefs)
{
	memset(g, 0, sizeof(*g));
	g->n = ndefs;
	g->fn = xcalloc(ndefs ? ndefs : 1, sizeof(*g->fn));
	struct scan s = { .g = g, .owner = -1 };
	s.refs = xcalloc(ndefs ? ndefs : 1, sizeof(unsigned));
	s.direct = xcalloc(ndefs ? ndefs : 1, sizeof(unsigned));
	for (size_t i = 0; i < ndefs; i++) {
		CXString n = clang_getCursorSpelling(defs[i]);
		g->fn[i].name = xstrdup(clang_getCString(n));
		clang_disposeString(n);
		g->fn[i].is_static = clang_getCursorLinkage(defs[i]) == CXLinkage_Internal;
		cursor_map_put(&s.idx, clang_getCanonicalCursor(defs[i]), (int)i);
	}
	clang_visitChildren(clang_getTranslationUnitCursor(tu), visit_top, &s);
	for (size_t i = 0; i < ndefs; i++)
		if (s.refs[i] != s.direct[i])
			g->fn[i].opaque = 1;
	free(s.refs);
	free(s.direct);
	cursor_map_free(&s.idx);
}

void callgraph_free(struct pl_callgraph *g)
{
	for (size_t i = 0; i < g->n; i++) {
		free(g->fn[i].name);
		for (size_t j = 0; j < g->fn[i].nfields; j++)
			free(g->fn[i].fields[j]);
		free(g->fn[i].fields);
	}
	free(g->fn);
	free(g->calls);
	memset(g, 0, sizeof(*g));
}
