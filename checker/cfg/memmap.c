#include "memmap.h"

#include <string.h>

#include "cfg.h"

static int is_struct_page_pointer(CXType t)
{
	t = clang_getCanonicalType(t);
	if (t.kind != CXType_Pointer)
		return 0;
	CXType p = clang_getCanonicalType(clang_getPointeeType(t));
	if (p.kind != CXType_Record)
		return 0;
	CXString s = clang_getCursorSpelling(clang_getTypeDeclaration(p));
	int yes = strcmp(clang_getCString(s), "page") == 0;
	clang_disposeString(s);
	return yes;
}

static int is_integer(CXType t)
{
	t = clang_getCanonicalType(t);
	return t.kind >= CXType_Bool && t.kind <= CXType_Int128;
}

/* A global variable, with the type test applied to its declared type. */
static int global_var(CXCursor e, int (*type_ok)(CXType), const char *name)
{
	e = cursor_strip(e);
	if (clang_getCursorKind(e) != CXCursor_DeclRefExpr)
		return 0;
	CXCursor d = clang_getCursorReferenced(e);
	if (clang_getCursorKind(d) != CXCursor_VarDecl || clang_Cursor_hasVarDeclGlobalStorage(d) != 1 ||
	    !type_ok(clang_getCursorType(d)))
		return 0;
	if (!name)
		return 1;
	CXString s = clang_getCursorSpelling(d);
	int yes = strcmp(clang_getCString(s), name) == 0;
	clang_disposeString(s);
	return yes;
}

/* (struct page *)vmemmap_base, or mem_map */
static int is_memmap_base(CXCursor e)
{
	if (!is_struct_page_pointer(clang_getCursorType(e)))
		return 0;
	if (global_var(e, is_struct_page_pointer, "mem_map"))
		return 1;
	/* strip down to the cast that makes the integer a struct page * */
	CXCursor c = e;
	while (clang_getCursorKind(c) != CXCursor_CStyleCastExpr) {
		CXCursor n = cursor_strip_one(c);
		if (clang_equalCursors(n, c))
			return 0;
		c = n;
	}
	return global_var(cursor_strip_one(c), is_integer, NULL);
}

int memmap_pfn_to_page(CXCursor e, CXCursor *pfn)
{
	if (clang_getCursorKind(e) != CXCursor_BinaryOperator ||
	    clang_getCursorBinaryOperatorKind(e) != CXBinaryOperator_Add)
		return 0;
	CXCursor l, r;
	if (!cursor_two_operands(e, &l, &r))
		return 0;
	if (is_memmap_base(l) && is_integer(clang_getCursorType(r))) {
		*pfn = r;
		return 1;
	}
	if (is_memmap_base(r) && is_integer(clang_getCursorType(l))) {
		*pfn = l;
		return 1;
	}
	return 0;
}
