/* libclang cursor helpers: child lists, cursor-keyed maps, type tests. */
#include "cfg.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

static enum CXChildVisitResult collect(CXCursor c, CXCursor parent, CXClientData data)
{
	(void)parent;
	struct cursor_list *l = data;
	VEC_PUSH(l->v, l->n, l->cap, c);
	return CXChildVisit_Continue;
}

void cursor_children(CXCursor c, struct cursor_list *out)
{
	out->n = 0;
	clang_visitChildren(c, collect, out);
}

void cursor_list_free(struct cursor_list *l)
{
	free(l->v);
	memset(l, 0, sizeof(*l));
}

int cursor_map_get(const struct cursor_map *m, CXCursor c)
{
	if (!m->cap)
		return -1;
	unsigned h = clang_hashCursor(c);
	for (size_t i = h & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
		const struct cursor_map_entry *e = &m->e[i];
		if (!e->used)
			return -1;
		if (e->hash == h && clang_equalCursors(e->key, c))
			return e->value;
	}
}

static void map_insert(struct cursor_map *m, unsigned h, CXCursor c, int value)
{
	for (size_t i = h & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
		struct cursor_map_entry *e = &m->e[i];
		if (!e->used) {
			e->used = 1;
			e->hash = h;
			e->key = c;
			e->value = value;
			m->n++;
			return;
		}
		if (e->hash == h && clang_equalCursors(e->key, c)) {
			e->value = value;
			return;
		}
	}
}

void cursor_map_put(struct cursor_map *m, CXCursor c, int value)
{
	if ((m->n + 1) * 2 > m->cap) {
		struct cursor_map old = *m;
		m->cap = old.cap ? old.cap * 2 : 64;
		m->e = xcalloc(m->cap, sizeof(*m->e));
		m->n = 0;
		for (size_t i = 0; i < old.cap; i++)
			if (old.e[i].used)
				map_insert(m, old.e[i].hash, old.e[i].key, old.e[i].value);
		free(old.e);
	}
	map_insert(m, clang_hashCursor(c), c, value);
}

void cursor_map_free(struct cursor_map *m)
{
	free(m->e);
	memset(m, 0, sizeof(*m));
}

static int single_expr_child(CXCursor c, CXCursor *child)
{
	struct cursor_list l = { 0 };
	cursor_children(c, &l);
	int ok = 0;
	for (size_t i = 0; i < l.n; i++) {
		if (clang_isExpression(clang_getCursorKind(l.v[i]))) {
			if (ok) {
				ok = 0;
				break;
			}
			*child = l.v[i];
			ok = 1;
		}
	}
	cursor_list_free(&l);
	return ok;
}

CXCursor cursor_strip_one(CXCursor c)
{
	enum CXCursorKind k = clang_getCursorKind(c);
	CXCursor child;
	if ((k == CXCursor_ParenExpr || k == CXCursor_UnexposedExpr) && single_expr_child(c, &child))
		return child;
	if (k == CXCursor_CStyleCastExpr) {
		/* the operand is the last child; typeof() in the type can add others */
		struct cursor_list l = { 0 };
		cursor_children(c, &l);
		CXCursor last = l.n ? l.v[l.n - 1] : c;
		cursor_list_free(&l);
		if (clang_isExpression(clang_getCursorKind(last)))
			return last;
	}
	if (k == CXCursor_UnaryOperator && clang_getCursorUnaryOperatorKind(c) == CXUnaryOperator_Extension &&
	    single_expr_child(c, &child))
		return child;
	return c;
}

CXCursor cursor_strip(CXCursor c)
{
	for (;;) {
		CXCursor n = cursor_strip_one(c);
		if (clang_equalCursors(n, c))
			return c;
		c = n;
	}
}

/* Integer constants as the kernel writes them: 1, -EAGAIN (a macro for a
 * literal), enumerators such as DROP, and casts of those. */
int cursor_int_constant(CXCursor e, long long *out)
{
	if (clang_Cursor_isNull(e))
		return 0;
	e = cursor_strip(e);
	switch (clang_getCursorKind(e)) {
	case CXCursor_IntegerLiteral:
	case CXCursor_CharacterLiteral: {
		CXEvalResult r = clang_Cursor_Evaluate(e);
		int ok = r && clang_EvalResult_getKind(r) == CXEval_Int;
		if (ok)
			*out = clang_EvalResult_getAsLongLong(r);
		if (r)
			clang_EvalResult_dispose(r);
		return ok;
	}
	case CXCursor_DeclRefExpr: {
		CXCursor d = clang_getCursorReferenced(e);
		if (clang_getCursorKind(d) != CXCursor_EnumConstantDecl)
			return 0;
		*out = clang_getEnumConstantDeclValue(d);
		return 1;
	}
	case CXCursor_UnaryOperator: {
		enum CXUnaryOperatorKind k = clang_getCursorUnaryOperatorKind(e);
		if (k != CXUnaryOperator_Minus && k != CXUnaryOperator_Plus)
			return 0;
		long long v;
		if (!cursor_int_constant(cursor_last_expr(e), &v))
			return 0;
		*out = k == CXUnaryOperator_Minus ? -v : v;
		return 1;
	}
	default:
		return 0;
	}
}

int type_is_pointer(CXType t)
{
	t = clang_getCanonicalType(t);
	return t.kind == CXType_Pointer;
}

int type_is_page_pointer(CXType t)
{
	t = clang_getCanonicalType(t);
	if (t.kind != CXType_Pointer)
		return 0;
	CXType p = clang_getCanonicalType(clang_getPointeeType(t));
	if (p.kind != CXType_Record)
		return 0;
	CXString s = clang_getCursorSpelling(clang_getTypeDeclaration(p));
	const char *n = clang_getCString(s);
	int yes = n && (!strcmp(n, "page") || !strcmp(n, "folio"));
	clang_disposeString(s);
	return yes;
}

int type_is_scalar(CXType t)
{
	t = clang_getCanonicalType(t);
	switch (t.kind) {
	case CXType_Pointer:
	case CXType_Bool:
	case CXType_Char_U:
	case CXType_UChar:
	case CXType_UShort:
	case CXType_UInt:
	case CXType_ULong:
	case CXType_ULongLong:
	case CXType_UInt128:
	case CXType_Char_S:
	case CXType_SChar:
	case CXType_Short:
	case CXType_Int:
	case CXType_Long:
	case CXType_LongLong:
	case CXType_Int128:
	case CXType_Enum:
		return 1;
	case CXType_Record: {
		/* one-word value types (pte_t, pmd_t, swp_entry_t) carry a page's
		 * pfn like an integer: entry = mk_pte(page, prot) */
		long long size = clang_Type_getSizeOf(t);
		return size > 0 && size <= 8;
	}
	default:
		return 0;
	}
}

long cursor_start_offset(const struct pl_fn *fn, CXCursor c)
{
	CXSourceRange r = clang_getCursorExtent(c);
	CXFile f;
	unsigned line, col, off;
	clang_getFileLocation(clang_getRangeStart(r), &f, &line, &col, &off);
	if (!f || !clang_File_isEqual(f, fn->main_file))
		return -1;
	return (long)off;
}

int type_is_page_array(CXType t)
{
	t = clang_getCanonicalType(t);
	CXType e;
	switch (t.kind) {
	case CXType_ConstantArray:
	case CXType_IncompleteArray:
	case CXType_VariableArray:
		e = clang_getArrayElementType(t);
		break;
	case CXType_Pointer:
		e = clang_getPointeeType(t);
		break;
	default:
		return 0;
	}
	return type_is_page_pointer(e);
}

int elem_slot_of(const struct pl_fn *fn, CXCursor e)
{
	e = cursor_strip(e);
	enum CXCursorKind k = clang_getCursorKind(e);
	if (k == CXCursor_ArraySubscriptExpr ||
	    (k == CXCursor_UnaryOperator && clang_getCursorUnaryOperatorKind(e) == CXUnaryOperator_Deref)) {
		struct cursor_list kids = { 0 };
		cursor_children(e, &kids);
		CXCursor base = kids.n ? cursor_strip(kids.v[0]) : clang_getNullCursor();
		cursor_list_free(&kids);
		if (clang_Cursor_isNull(base) || !type_is_page_array(clang_getCursorType(base)))
			return -1;
		e = base;
		k = clang_getCursorKind(e);
	}
	if (k != CXCursor_DeclRefExpr)
		return -1;
	return cursor_map_get(&fn->elems, clang_getCursorReferenced(e));
}

int cursor_two_operands(CXCursor e, CXCursor *l, CXCursor *r)
{
	struct cursor_list kids = { 0 };
	cursor_children(e, &kids);
	int ok = kids.n >= 2;
	if (ok) {
		*l = kids.v[0];
		*r = kids.v[kids.n - 1];
	}
	cursor_list_free(&kids);
	return ok;
}

static CXCursor expr_child(CXCursor e, int last)
{
	struct cursor_list kids = { 0 };
	cursor_children(e, &kids);
	CXCursor c = clang_getNullCursor();
	for (size_t i = 0; i < kids.n; i++)
		if (clang_isExpression(clang_getCursorKind(kids.v[i]))) {
			c = kids.v[i];
			if (!last)
				break;
		}
	cursor_list_free(&kids);
	return c;
}

CXCursor cursor_first_expr(CXCursor e)
{
	return expr_child(e, 0);
}

CXCursor cursor_last_expr(CXCursor e)
{
	return expr_child(e, 1);
}
