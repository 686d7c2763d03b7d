/* Abstract value of an expression in a state.  No side effects: calls and
 * control flow inside expressions were lowered into events that left their
 * results in temporaries. */
#include "analysis.h"

#include <string.h>

static struct pl_val by_type(CXCursor e)
{
	return pl_val_make(type_is_pointer(clang_getCursorType(e)) ? VK_CALLER : VK_NONE);
}

/* Integer arithmetic on a pfn or address: only a range we hold stays ours;
 * pfn + 1 of a checked pfn is a different, unchecked pfn. */
static struct pl_val arith(struct pl_val v)
{
	if (v.kind == VK_CALLER || (v.kind == VK_OBJ && v.level == L_HELD))
		return v;
	return pl_val_make(VK_NONE);
}

/* "(addr & ~PUD_MASK) >> PAGE_SHIFT": the page offset of an address inside
 * an aligned block, as a huge entry's subpage is found from its pfn. */
int is_in_block_offset(CXCursor e)
{
	CXCursor l, r;
	e = cursor_strip(e);
	if (clang_getCursorKind(e) != CXCursor_BinaryOperator ||
	    clang_getCursorBinaryOperatorKind(e) != CXBinaryOperator_Shr || !cursor_two_operands(e, &l, &r))
		return 0;
	CXCursor m = cursor_strip(l), a, b;
	if (clang_getCursorKind(m) != CXCursor_BinaryOperator ||
	    clang_getCursorBinaryOperatorKind(m) != CXBinaryOperator_And || !cursor_two_operands(m, &a, &b))
		return 0;
	a = cursor_strip(a);
	b = cursor_strip(b);
	return (clang_getCursorKind(b) == CXCursor_UnaryOperator && clang_getCursorUnaryOperatorKind(b) == CXUnaryOperator_Not) ||
	       (clang_getCursorKind(a) == CXCursor_UnaryOperator && clang_getCursorUnaryOperatorKind(a) == CXUnaryOperator_Not);
}

static int is_null_constant(const struct pl_fn *fn, const struct pl_state *st, CXCursor e)
{
	int vs;
	struct pl_val v = eval_expr(fn, st, e, &vs);
	return v.kind == VK_BOTTOM && vs < 0;
}

static struct pl_val nonnull_fact(struct pl_val v, int slot, int neg)
{
	struct pl_val f = pl_val_make(VK_FACT);
	f.fact = F_NONNULL;
	f.site = v.kind == VK_OBJ ? v.site : -1;
	f.slot = slot;
	f.neg = (uint8_t)neg;
	return f;
}

/* "x == C": a test of an integer variable against a constant. */
static struct pl_val inteq_fact(int slot, long long c, int neg)
{
	struct pl_val f = pl_val_make(VK_FACT);
	f.fact = F_INTEQ;
	f.slot = slot;
	f.cval = (int32_t)c;
	f.neg = (uint8_t)neg;
	return f;
}

/* An integer variable (not a page's pfn, not a condition) that can carry a constant. */
static int plain_int(const struct pl_fn *fn, const struct pl_val *v, int slot)
{
	return slot >= 0 && !fn->slots[slot].is_pointer && !fn->slots[slot].is_elem &&
	       (v->kind == VK_NONE || v->kind == VK_BOTTOM);
}

/* x == C, x != C with C a constant; NULL comparisons are handled apart. */
static int int_compare(const struct pl_fn *fn, const struct pl_state *st, CXCursor l, CXCursor r, int ne,
		       struct pl_val *out)
{
	long long c;
	CXCursor other;
	if (cursor_int_constant(r, &c))
		other = l;
	else if (cursor_int_constant(l, &c))
		other = r;
	else
		return 0;
	if (type_is_pointer(clang_getCursorType(other)))
		return 0;
	int os;
	struct pl_val v = eval_expr(fn, st, other, &os);
	if (plain_int(fn, &v, os)) {
		*out = inteq_fact(os, c, ne);
		return 1;
	}
	if (c != 0 && v.kind == VK_FACT && v.fact == F_RELEASE) {
		/* rc == -EAGAIN: non-zero, so the helper released; rc != -EAGAIN tells nothing */
		*out = v;
		out->neg = (uint8_t)ne;
		out->half = 1;
		return 1;
	}
	return 0;
}

static struct pl_val compare_count(const struct pl_fn *fn, const struct pl_state *st, CXCursor l, CXCursor r,
				   enum CXBinaryOperatorKind op);

static struct pl_val eval_binary(const struct pl_fn *fn, const struct pl_state *st, CXCursor e, int *var_slot)
{
	CXCursor l, r;
	if (!cursor_two_operands(e, &l, &r))
		return by_type(e);
	enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(e);
	int ls, rs;
	switch (op) {
	case CXBinaryOperator_Assign: {
		struct pl_val v = eval_expr(fn, st, l, &ls);
		if (ls >= 0) {
			*var_slot = ls;
			return v;
		}
		return eval_expr(fn, st, r, var_slot);
	}
	case CXBinaryOperator_Comma:
		return eval_expr(fn, st, r, var_slot);
	case CXBinaryOperator_Add:
	case CXBinaryOperator_Sub: {
		struct pl_val a = eval_expr(fn, st, l, &ls);
		struct pl_val b = eval_expr(fn, st, r, &rs);
		int lp = type_is_pointer(clang_getCursorType(l)), rp = type_is_pointer(clang_getCursorType(r));
		if (lp && !rp) /* page + n: the same allocation (not once it is freed) */
			return a.kind == VK_OBJ && a.level == L_RELEASED ? pl_val_make(VK_CALLER) : a;
		if (rp && !lp)
			return b;
		if (lp && rp) /* page - memmap base: its pfn */
			return a;
		/* a mapped huge entry's pfn plus the offset of an address inside
		 * it: a subpage of the same mapped folio, mapped as long as it is */
		if (op == CXBinaryOperator_Add && a.kind == VK_OBJ && a.level == L_PTL && is_in_block_offset(r))
			return a;
		/* integers: whichever side carries a page */
		if (a.kind == VK_OBJ || a.kind == VK_CALLER)
			return arith(a);
		if (b.kind == VK_OBJ || b.kind == VK_CALLER)
			return arith(b);
		return pl_val_make(VK_NONE);
	}
	case CXBinaryOperator_Or: {
		/* FOLL_WRITE | FOLL_LONGTERM */
		struct pl_val a = eval_expr(fn, st, l, &ls), b = eval_expr(fn, st, r, &rs);
		struct pl_val v = arith(a);
		v.pflags |= (a.pflags | b.pflags) & (PF_LONGTERM | PF_FOLL_PIN);
		return v;
	}
	case CXBinaryOperator_Shl:
	case CXBinaryOperator_Shr:
	case CXBinaryOperator_And:
	case CXBinaryOperator_Xor:
		return arith(eval_expr(fn, st, l, &ls));
	case CXBinaryOperator_LT:
	case CXBinaryOperator_LE:
	case CXBinaryOperator_GT:
	case CXBinaryOperator_GE:
		return compare_count(fn, st, l, r, op);
	case CXBinaryOperator_EQ:
	case CXBinaryOperator_NE: {
		int neg = op == CXBinaryOperator_EQ;
		struct pl_val iv;
		if (int_compare(fn, st, l, r, !neg, &iv))
			return iv;
		CXCursor other = l;
		if (is_null_constant(fn, st, l))
			other = r;
		else if (!is_null_constant(fn, st, r))
			return compare_count(fn, st, l, r, op);
		struct pl_val v = eval_expr(fn, st, other, &ls);
		if (v.kind == VK_FACT && v.fact == F_EMPTY)
			return compare_count(fn, st, other, clang_equalCursors(other, l) ? r : l, op);
		if (v.kind == VK_FACT) {
			v.neg ^= (uint8_t)neg;
			return v;
		}
		if (type_is_pointer(clang_getCursorType(other)))
			return nonnull_fact(v, ls, neg);
		return pl_val_make(VK_NONE);
	}
	default:
		return pl_val_make(VK_NONE);
	}
}

static struct pl_val eval_unary(const struct pl_fn *fn, const struct pl_state *st, CXCursor e, int *var_slot)
{
	CXCursor op = cursor_last_expr(e);
	if (clang_Cursor_isNull(op))
		return by_type(e);
	int os;
	switch (clang_getCursorUnaryOperatorKind(e)) {
	case CXUnaryOperator_AddrOf: {
		CXCursor s = cursor_strip(op);
		enum CXCursorKind k = clang_getCursorKind(s);
		if (k == CXCursor_MemberRefExpr || k == CXCursor_ArraySubscriptExpr) {
			/* &folio->page, &pages[i], &page->lru (through unnamed unions):
			 * an address inside what the base pointer points to */
			for (int d = 0; d < 8; d++) {
				struct cursor_list kids = { 0 };
				cursor_children(s, &kids);
				CXCursor base = kids.n ? cursor_strip(kids.v[0]) : clang_getNullCursor();
				cursor_list_free(&kids);
				if (clang_Cursor_isNull(base) || type_is_pointer(clang_getCursorType(base)) ||
				    clang_getCursorKind(base) != CXCursor_MemberRefExpr)
					break;
				s = base; /* a.b.c: keep going to the pointer */
			}
			struct cursor_list kids = { 0 };
			cursor_children(s, &kids);
			struct pl_val v = kids.n ? eval_expr(fn, st, kids.v[0], &os) : by_type(e);
			cursor_list_free(&kids);
			if (v.kind == VK_NONE || v.kind == VK_BOTTOM)
				return pl_val_make(VK_CALLER);
			return v;
		}
		return pl_val_make(VK_CALLER);
	}
	case CXUnaryOperator_LNot: {
		struct pl_val v = eval_expr(fn, st, op, &os);
		if (v.kind == VK_FACT) {
			v.neg ^= 1;
			return v;
		}
		if (type_is_pointer(clang_getCursorType(op)) || v.kind == VK_OBJ)
			return nonnull_fact(v, os, 1); /* !page, !addr */
		if (plain_int(fn, &v, os))
			return inteq_fact(os, 0, 0); /* !ret */
		return pl_val_make(VK_NONE);
	}
	case CXUnaryOperator_Extension:
		return eval_expr(fn, st, op, var_slot);
	case CXUnaryOperator_Deref: {
		int es = elem_slot_of(fn, e);
		if (es >= 0)
			return state_get(st, es);
		return by_type(e);
	}
	case CXUnaryOperator_PostInc:
	case CXUnaryOperator_PostDec:
	case CXUnaryOperator_PreInc:
	case CXUnaryOperator_PreDec:
		return eval_expr(fn, st, op, &os);
	default:
		return by_type(e);
	}
}

/* GUP flag names whose presence matters; FOLL_* are macros in 6.1 and enum
 * constants later, so match the name as written or declared. */
static uint8_t flag_of_name(const char *n)
{
	if (!strcmp(n, "FOLL_LONGTERM"))
		return PF_LONGTERM;
	if (!strcmp(n, "FOLL_PIN"))
		return PF_FOLL_PIN;
	return 0;
}

static uint8_t flag_at_start(const struct pl_fn *fn, CXCursor e)
{
	long off = cursor_start_offset(fn, e);
	if (off < 0)
		return 0;
	size_t lo = 0, hi = fn->ntok;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if ((long)fn->tok[mid].offset < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < fn->ntok && (long)fn->tok[lo].offset == off && fn->tok[lo].text)
		return flag_of_name(fn->tok[lo].text);
	return 0;
}

/* "ret < 0" and friends on a GUP result: when nothing was pinned. */
static struct pl_val compare_count(const struct pl_fn *fn, const struct pl_state *st, CXCursor l, CXCursor r,
				   enum CXBinaryOperatorKind op)
{
	int ls, rs;
	struct pl_val a = eval_expr(fn, st, l, &ls);
	struct pl_val b = eval_expr(fn, st, r, &rs);
	struct pl_val f = a;
	int zero_right = b.kind == VK_BOTTOM;
	if (a.kind == VK_FACT && a.fact == F_EMPTY && a.level == F_EMPTY_ERRNO && !zero_right)
		return pl_val_make(VK_NONE);
	if (a.kind == VK_FACT && a.fact == F_EMPTY && a.level == 1 && !zero_right) {
		/* one page asked for: gup(addr, 1, ..., &page) != 1 */
		CXCursor rr = cursor_strip(r);
		CXEvalResult ev = clang_getCursorKind(rr) == CXCursor_IntegerLiteral ? clang_Cursor_Evaluate(rr) : NULL;
		int one = ev && clang_EvalResult_getKind(ev) == CXEval_Int && clang_EvalResult_getAsLongLong(ev) == 1;
		if (ev)
			clang_EvalResult_dispose(ev);
		if (one && (op == CXBinaryOperator_NE || op == CXBinaryOperator_LT)) {
			f.neg = 0;
			return f;
		}
		if (one && (op == CXBinaryOperator_EQ)) {
			f.neg = 1;
			return f;
		}
		return pl_val_make(VK_NONE);
	}
	if (a.kind == VK_FACT && (a.fact == F_RELEASE || (a.fact == F_EMPTY && a.level == F_EMPTY_ERRNO)) &&
	    zero_right) {
		/* kernel convention: 0 or -errno, so "< 0" is "non-zero" */
		f.neg = op == CXBinaryOperator_LE || op == CXBinaryOperator_GE || op == CXBinaryOperator_EQ;
		return f;
	}
	if (!(a.kind == VK_FACT && a.fact == F_EMPTY && zero_right))
		return pl_val_make(VK_NONE);
	switch (op) {
	case CXBinaryOperator_LT: /* ret < 0 */
	case CXBinaryOperator_LE: /* ret <= 0 */
	case CXBinaryOperator_EQ: /* ret == 0 */
		f.neg = 0;
		return f;
	case CXBinaryOperator_GT: /* ret > 0 */
	case CXBinaryOperator_GE: /* ret >= 0: false means ret < 0 */
	case CXBinaryOperator_NE:
		f.neg = 1;
		return f;
	default:
		return pl_val_make(VK_NONE);
	}
}

struct pl_val eval_expr(const struct pl_fn *fn, const struct pl_state *st, CXCursor e, int *var_slot)
{
	*var_slot = -1;
	if (clang_Cursor_isNull(e))
		return pl_val_make(VK_NONE);
	int t = cursor_map_get(&fn->temps, e);
	if (t >= 0)
		return state_get(st, t);
	enum CXCursorKind k = clang_getCursorKind(e);
	uint8_t named = flag_at_start(fn, e);
	if (named) {
		struct pl_val v = pl_val_make(VK_NONE);
		v.pflags = named;
		return v;
	}
	switch (k) {
	case CXCursor_DeclRefExpr: {
		CXCursor d = clang_getCursorReferenced(e);
		int s = cursor_map_get(&fn->vars, d);
		if (s >= 0) {
			*var_slot = s;
			return state_get(st, s);
		}
		if (clang_getCursorKind(d) == CXCursor_EnumConstantDecl) {
			CXString n = clang_getCursorSpelling(d);
			struct pl_val v = pl_val_make(VK_NONE);
			v.pflags = flag_of_name(clang_getCString(n));
			clang_disposeString(n);
			return v;
		}
		return by_type(e);
	}
	case CXCursor_MemberRefExpr: {
		int fs = cursor_map_get(&fn->fieldrefs, e);
		if (fs < 0)
			return by_type(e);
		*var_slot = fs;
		return state_get(st, fs);
	}
	case CXCursor_ArraySubscriptExpr: {
		int es = elem_slot_of(fn, e);
		if (es < 0)
			return by_type(e);
		struct pl_val v = state_get(st, es);
		/* one value stands for every element: a caller's page stored into
		 * one of them (pages[idx] = &folio->page) is not what the others hold */
		if (v.kind == VK_CALLER)
			v.site = -1;
		return v;
	}
	case CXCursor_ParenExpr:
	case CXCursor_UnexposedExpr:
	case CXCursor_CStyleCastExpr: {
		CXCursor c = cursor_last_expr(e);
		if (clang_Cursor_isNull(c))
			return by_type(e);
		struct pl_val v = eval_expr(fn, st, c, var_slot);
		/* (void *)addr of an unknown integer is still unknown, not a caller's page */
		return v;
	}
	case CXCursor_IntegerLiteral: {
		CXEvalResult r = clang_Cursor_Evaluate(e);
		int zero = 0;
		if (r) {
			zero = clang_EvalResult_getKind(r) == CXEval_Int && clang_EvalResult_getAsLongLong(r) == 0;
			clang_EvalResult_dispose(r);
		}
		return pl_val_make(zero ? VK_BOTTOM : VK_NONE);
	}
	case CXCursor_BinaryOperator:
		return eval_binary(fn, st, e, var_slot);
	case CXCursor_CompoundAssignOperator: {
		CXCursor l, r;
		if (cursor_two_operands(e, &l, &r))
			return eval_expr(fn, st, l, var_slot);
		return by_type(e);
	}
	case CXCursor_UnaryOperator:
		return eval_unary(fn, st, e, var_slot);
	default:
		return by_type(e);
	}
}
