/* Reusing the result of a repeated accessor call (see pure_calls.h). */
#include "pure_calls.h"

#include <string.h>

struct prefix_ctx {
	enum CXBinaryOperatorKind op;
	int ok;
};

static enum CXChildVisitResult prefix_visit(CXCursor c, CXCursor parent, CXClientData data)
{
	(void)parent;
	struct prefix_ctx *pc = data;
	enum CXCursorKind k = clang_getCursorKind(c);
	int other = 0;
	if (k == CXCursor_BinaryOperator) {
		enum CXBinaryOperatorKind o = clang_getCursorBinaryOperatorKind(c);
		other = (o == CXBinaryOperator_LAnd || o == CXBinaryOperator_LOr) && o != pc->op;
	}
	if (k == CXCursor_ConditionalOperator || other) {
		pc->ok = 0; /* a call there may not have run */
		return CXChildVisit_Break;
	}
	return CXChildVisit_Recurse;
}

static enum CXChildVisitResult logic_visit(CXCursor c, CXCursor parent, CXClientData data)
{
	(void)parent;
	int *found = data;
	if (clang_getCursorKind(c) == CXCursor_BinaryOperator) {
		enum CXBinaryOperatorKind o = clang_getCursorBinaryOperatorKind(c);
		if (o == CXBinaryOperator_LAnd || o == CXBinaryOperator_LOr) {
			*found = 1;
			return CXChildVisit_Break;
		}
	}
	return CXChildVisit_Recurse;
}

/* a logical operator below a ! flips which chain it belongs to */
static enum CXChildVisitResult not_visit(CXCursor c, CXCursor parent, CXClientData data)
{
	(void)parent;
	int *bad = data;
	if (clang_getCursorKind(c) == CXCursor_UnaryOperator &&
	    clang_getCursorUnaryOperatorKind(c) == CXUnaryOperator_LNot) {
		int found = 0;
		clang_visitChildren(c, logic_visit, &found);
		if (found) {
			*bad = 1;
			return CXChildVisit_Break;
		}
	}
	return CXChildVisit_Recurse;
}

int pure_prefix_dominates(CXCursor l, enum CXBinaryOperatorKind op)
{
	struct prefix_ctx pc = { op, 1 };
	prefix_visit(l, l, &pc);
	if (pc.ok)
		clang_visitChildren(l, prefix_visit, &pc);
	int bad = 0;
	not_visit(l, l, &bad);
	if (!bad)
		clang_visitChildren(l, not_visit, &bad);
	return pc.ok && !bad;
}

/* A rule that only says what the call returns. */
static int rule_is_pure(const struct rule *ru)
{
	return ru && ru->nuses == 0 && ru->guard_level == L_NONE && ru->err_arg < 0 && ru->enter == SCOPE_NONE &&
	       ru->exit == SCOPE_NONE && ru->release_arg < 0 && ru->gup_pages < 0 && ru->transfer_mask == 0 &&
	       ru->netiov_test_arg < 0 && !ru->readable_test &&
	       (ru->result != RES_UNKNOWN || ru->result_netmem != NETMEM_NO);
}

static int child0(CXCursor c, CXCursor *out)
{
	struct cursor_list kids = { 0 };
	cursor_children(c, &kids);
	int ok = kids.n > 0;
	if (ok)
		*out = kids.v[0];
	cursor_list_free(&kids);
	return ok;
}

/* The same variable, or the same member of the same simple base. */
static int same_simple(CXCursor a, CXCursor b, int depth)
{
	a = cursor_strip(a);
	b = cursor_strip(b);
	enum CXCursorKind ka = clang_getCursorKind(a);
	if (depth > 4 || ka != clang_getCursorKind(b))
		return 0;
	if (ka == CXCursor_DeclRefExpr)
		return clang_equalCursors(clang_getCursorReferenced(a), clang_getCursorReferenced(b));
	if (ka == CXCursor_MemberRefExpr) {
		CXCursor ba, bb;
		return clang_equalCursors(clang_getCursorReferenced(a), clang_getCursorReferenced(b)) &&
		       child0(a, &ba) && child0(b, &bb) && same_simple(ba, bb, depth + 1);
	}
	return 0;
}

int pure_call_find(const struct pl_fn *fn, size_t first, size_t last, const char *name, const struct rule *ru,
		   int nargs, const CXCursor *args)
{
	if (!rule_is_pure(ru) || !name)
		return -1;
	for (size_t i = first; i < last && i < fn->ncalls; i++) {
		const struct pl_call *c = &fn->calls[i];
		if (c->rule != ru || c->nargs != nargs || c->result_slot < 0 || strcmp(c->name, name))
			continue;
		int same = 1;
		for (int k = 0; k < nargs && same; k++)
			same = same_simple(c->args[k], args[k], 0);
		if (same)
			return (int)i;
	}
	return -1;
}
