/* Lowering a function body (libclang AST) to the CFG of cfg.h. */
#include "cfg.h"
#include "memmap.h"
#include "pure_calls.h"
#include "contract.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

struct jump_ctx {
	int brk, cont;      /* -1: not a target here */
	int is_switch;
	int switch_blk;     /* block that dispatches to the cases */
	int has_default;
};

struct label {
	char *name;
	int block;
};

struct builder {
	struct pl_fn *fn;
	struct label *labels;
	size_t nlabels, labels_cap;
	int cur;            /* block receiving events */
	struct jump_ctx *jumps;
	size_t njumps, jumps_cap;
	size_t dom_first, dom_last; /* calls that ran before this point of a condition */
};

static void lower_stmt(struct builder *b, CXCursor s);
static void lower_expr(struct builder *b, CXCursor e);
static void lower_cond(struct builder *b, CXCursor e, int t, int f);

/* ---- blocks, events, slots ---- */

static int new_block(struct builder *b)
{
	struct pl_fn *fn = b->fn;
	struct pl_block blk;
	memset(&blk, 0, sizeof(blk));
	blk.cond = clang_getNullCursor();
	VEC_PUSH(fn->blk, fn->nblk, fn->blk_cap, blk);
	return (int)fn->nblk - 1;
}

static void add_edge(struct builder *b, int from, int to)
{
	struct pl_block *bl = &b->fn->blk[from];
	VEC_PUSH(bl->succ, bl->nsucc, bl->succ_cap, to);
}

/* End the current block with a jump; following code is unreachable until a
 * label or case starts a new block. */
static void jump(struct builder *b, int to)
{
	if (to >= 0)
		add_edge(b, b->cur, to);
	b->cur = new_block(b);
}

static void branch(struct builder *b, CXCursor cond, int t, int f)
{
	struct pl_block *bl = &b->fn->blk[b->cur];
	bl->is_branch = 1;
	bl->cond = cond;
	add_edge(b, b->cur, t);
	add_edge(b, b->cur, f);
	b->cur = new_block(b);
}

static int emit(struct builder *b, int kind, CXCursor cur, CXCursor src, int slot, int aux)
{
	struct pl_fn *fn = b->fn;
	struct pl_event e = { kind, slot, aux, cur, src };
	VEC_PUSH(fn->ev, fn->nev, fn->ev_cap, e);
	struct pl_block *bl = &fn->blk[b->cur];
	VEC_PUSH(bl->ev, bl->nev, bl->ev_cap, (int)fn->nev - 1);
	return (int)fn->nev - 1;
}

static int new_slot(struct pl_fn *fn, const char *name, int is_pointer, int is_param, CXCursor decl)
{
	struct pl_slot s = { name ? xstrdup(name) : NULL, is_pointer, is_param, 0, 0, -1, decl, 0, -1 };
	VEC_PUSH(fn->slots, fn->nslots, fn->slots_cap, s);
	return (int)fn->nslots - 1;
}

/* Slot of a variable declaration (created on first sight), -1 if not scalar. */
static int var_slot(struct pl_fn *fn, CXCursor decl, int is_param)
{
	int s = cursor_map_get(&fn->vars, decl);
	if (s >= 0)
		return s;
	CXType t = clang_getCursorType(decl);
	if (type_is_page_array(t) && cursor_map_get(&fn->elems, decl) < 0) {
		/* one abstract value stands for all elements */
		CXString en = clang_getCursorSpelling(decl);
		int es = new_slot(fn, clang_getCString(en), 1, 0, decl);
		clang_disposeString(en);
		fn->slots[es].is_elem = 1;
		fn->slots[es].elem_of_param = is_param || clang_Cursor_hasVarDeclGlobalStorage(decl) == 1;
		cursor_map_put(&fn->elems, decl, es);
	}
	if (!type_is_scalar(t))
		return -1;
	CXString n = clang_getCursorSpelling(decl);
	s = new_slot(fn, clang_getCString(n), type_is_pointer(t), is_param, decl);
	fn->slots[s].is_page = type_is_page_pointer(t);
	clang_disposeString(n);
	cursor_map_put(&fn->vars, decl, s);
	return s;
}

static int temp_slot(struct pl_fn *fn, CXCursor e)
{
	int s = cursor_map_get(&fn->temps, e);
	if (s >= 0)
		return s;
	s = new_slot(fn, NULL, type_is_pointer(clang_getCursorType(e)), 0, e);
	fn->slots[s].is_page = type_is_page_pointer(clang_getCursorType(e));
	cursor_map_put(&fn->temps, e, s);
	return s;
}

/* The slot of a page field read through a pointer variable (buf->page,
 * folio_of(buf)->... excluded): created on first sight, -1 if e is not
 * one. Page use after put through a struct field needs it: put_page(
 * buf->page) then buf->page->flags. */
static int field_slot(struct pl_fn *fn, CXCursor e)
{
	if (clang_getCursorKind(e) != CXCursor_MemberRefExpr || !type_is_page_pointer(clang_getCursorType(e)))
		return -1;
	int s = cursor_map_get(&fn->fieldrefs, e);
	if (s >= 0)
		return s;
	CXCursor base = cursor_strip(cursor_first_expr(e));
	if (clang_Cursor_isNull(base) || clang_getCursorKind(base) != CXCursor_DeclRefExpr ||
	    !type_is_pointer(clang_getCursorType(base)))
		return -1;
	int bs = cursor_map_get(&fn->vars, clang_getCursorReferenced(base));
	CXCursor field = clang_getCursorReferenced(e);
	if (bs < 0 || clang_getCursorKind(field) != CXCursor_FieldDecl)
		return -1;
	for (size_t i = 0; i < fn->nfield_slots && s < 0; i++) {
		const struct pl_slot *sl = &fn->slots[fn->field_slots[i]];
		if (sl->field_base == bs && clang_equalCursors(sl->decl, field))
			s = fn->field_slots[i];
	}
	if (s < 0) {
		CXString bn = clang_getCursorSpelling(base), fnm = clang_getCursorSpelling(field);
		char *name = xasprintf("%s->%s", clang_getCString(bn), clang_getCString(fnm));
		clang_disposeString(bn);
		clang_disposeString(fnm);
		s = new_slot(fn, name, 1, 0, field);
		free(name);
		fn->slots[s].is_page = 1;
		fn->slots[s].field_base = bs;
		VEC_PUSH(fn->field_slots, fn->nfield_slots, fn->field_slots_cap, s);
	}
	cursor_map_put(&fn->fieldrefs, e, s);
	return s;
}

/* The pointer variable an argument passes as a pointer (buf, &buf->lock,
 * (void *)buf), whose fields the callee may change; -1 if none. */
static int passed_base(struct pl_fn *fn, CXCursor arg)
{
	CXCursor a = cursor_strip(arg);
	if (clang_getCursorKind(a) == CXCursor_UnaryOperator &&
	    clang_getCursorUnaryOperatorKind(a) == CXUnaryOperator_AddrOf) {
		a = cursor_strip(cursor_first_expr(a));
		for (int d = 0; d < 8 && (clang_getCursorKind(a) == CXCursor_MemberRefExpr ||
					  clang_getCursorKind(a) == CXCursor_ArraySubscriptExpr); d++)
			a = cursor_strip(cursor_first_expr(a));
	}
	if (clang_Cursor_isNull(a) || clang_getCursorKind(a) != CXCursor_DeclRefExpr ||
	    !type_is_pointer(clang_getCursorType(a)) || type_is_page_pointer(clang_getCursorType(a)))
		return -1;
	return cursor_map_get(&fn->vars, clang_getCursorReferenced(a));
}

/* Slot of the variable an lvalue expression names, or -1. */
static int lvalue_slot(struct builder *b, CXCursor e)
{
	int es = elem_slot_of(b->fn, e);
	if (es >= 0 && clang_getCursorKind(cursor_strip(e)) != CXCursor_DeclRefExpr)
		return es; /* pages[i] = ..., *pages = ... */
	e = cursor_strip(e);
	if (clang_getCursorKind(e) != CXCursor_DeclRefExpr)
		return -1;
	CXCursor d = clang_getCursorReferenced(e);
	enum CXCursorKind k = clang_getCursorKind(d);
	if (k != CXCursor_VarDecl && k != CXCursor_ParmDecl)
		return -1;
	return cursor_map_get(&b->fn->vars, d);
}

/* ---- tokens and function-like macros ---- */

static void load_tokens(struct pl_fn *fn)
{
	CXToken *toks = NULL;
	unsigned n = 0;
	clang_tokenize(fn->tu, clang_getCursorExtent(fn->decl), &toks, &n);
	fn->tok = xcalloc(n ? n : 1, sizeof(*fn->tok));
	for (unsigned i = 0; i < n; i++) {
		CXFile f;
		unsigned line, col, off;
		clang_getFileLocation(clang_getTokenLocation(fn->tu, toks[i]), &f, &line, &col, &off);
		struct pl_token *t = &fn->tok[fn->ntok];
		CXTokenKind k = clang_getTokenKind(toks[i]);
		if (k == CXToken_Comment)
			continue;
		t->offset = off;
		t->kind = k;
		if (k == CXToken_Identifier || k == CXToken_Punctuation || k == CXToken_Keyword) {
			CXString s = clang_getTokenSpelling(fn->tu, toks[i]);
			t->text = xstrdup(clang_getCString(s));
			clang_disposeString(s);
		}
		fn->ntok++;
	}
	clang_disposeTokens(fn->tu, toks, n);
}

static long token_at(const struct pl_fn *fn, long off)
{
	size_t lo = 0, hi = fn->ntok;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if ((long)fn->tok[mid].offset < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < fn->ntok && (long)fn->tok[lo].offset == off)
		return (long)lo;
	return -1;
}

static int tok_is(const struct pl_fn *fn, size_t i, const char *s)
{
	return i < fn->ntok && fn->tok[i].text && strcmp(fn->tok[i].text, s) == 0;
}

/* Argument ranges of the invocation whose '(' is token open: [begin, end) offsets. */
struct arg_ranges {
	long begin[32], end[32];
	int n;
	long close_off;
};

static int invocation_args(const struct pl_fn *fn, size_t open, struct arg_ranges *ar)
{
	int depth = 0;
	ar->n = 0;
	long start = -1;
	for (size_t i = open; i < fn->ntok; i++) {
		const char *t = fn->tok[i].text;
		if (!t)
			t = "";
		if (!strcmp(t, "(") || !strcmp(t, "[") || !strcmp(t, "{")) {
			if (depth++ == 0) {
				start = i + 1 < fn->ntok ? (long)fn->tok[i + 1].offset : -1;
				continue;
			}
		} else if (!strcmp(t, ")") || !strcmp(t, "]") || !strcmp(t, "}")) {
			if (--depth == 0) {
				if (ar->n < 32 && start >= 0 && (long)fn->tok[i].offset > start) {
					ar->begin[ar->n] = start;
					ar->end[ar->n++] = (long)fn->tok[i].offset;
				}
				ar->close_off = (long)fn->tok[i].offset;
				return 0;
			}
		} else if (depth == 1 && !strcmp(t, ",")) {
			if (ar->n < 32) {
				ar->begin[ar->n] = start;
				ar->end[ar->n++] = (long)fn->tok[i].offset;
			}
			start = i + 1 < fn->ntok ? (long)fn->tok[i + 1].offset : -1;
		}
	}
	return -1;
}

struct argfind {
	const struct pl_fn *fn;
	const struct arg_ranges *ar;
	CXCursor *found;
};

static enum CXChildVisitResult find_args(CXCursor c, CXCursor parent, CXClientData data)
{
	(void)parent;
	struct argfind *af = data;
	if (!clang_isExpression(clang_getCursorKind(c)))
		return CXChildVisit_Recurse;
	long off = cursor_start_offset(af->fn, c);
	for (int i = 0; off >= 0 && i < af->ar->n; i++) {
		if (off >= af->ar->begin[i] && off < af->ar->end[i]) {
			if (clang_Cursor_isNull(af->found[i]))
				af->found[i] = c;
			return CXChildVisit_Continue;
		}
	}
	return CXChildVisit_Recurse;
}

/* Kinds whose text starts with their first operand: if that operand starts at
 * the same token, the node is larger than the macro invocation. */
static int starts_with_operand(CXCursor c)
{
	switch (clang_getCursorKind(c)) {
	case CXCursor_UnexposedExpr: /* implicit conversions wrap what they convert */
	case CXCursor_MemberRefExpr:
	case CXCursor_ArraySubscriptExpr:
	case CXCursor_BinaryOperator:
	case CXCursor_CompoundAssignOperator:
	case CXCursor_ConditionalOperator:
		return 1;
	case CXCursor_UnaryOperator: {
		enum CXUnaryOperatorKind k = clang_getCursorUnaryOperatorKind(c);
		return k == CXUnaryOperator_PostInc || k == CXUnaryOperator_PostDec;
	}
	default:
		return 0;
	}
}

static char *callee_name(CXCursor call)
{
	CXCursor ref = clang_getCursorReferenced(call);
	if (clang_getCursorKind(ref) != CXCursor_FunctionDecl)
		return NULL;
	CXString s = clang_getCursorSpelling(ref);
	char *n = xstrdup(clang_getCString(s));
	clang_disposeString(s);
	return n;
}

static int add_call(struct builder *b, const char *name, const struct rule *ru, int is_macro, int nargs, CXCursor *args,
		    CXCursor e)
{
	struct pl_fn *fn = b->fn;
	struct pl_call c = { xstrdup(name), ru, is_macro, nargs, args, -1, 0, NULL, 0 };
	if (ru && (ru->result != RES_UNKNOWN || ru->guard_level != L_NONE || ru->err_arg >= 0))
		c.result_slot = temp_slot(fn, e);
	if (ru && rule_creates_objects(ru))
		fn->creates_objects = 1;
	if (ru && (ru->gup_pages >= 0 || ru->netiov_test_arg >= 0 || ru->readable_test || ru->result_netmem ||
		   ru->enter_when != WHEN_ALWAYS ||
		   (ru->release_arg >= 0 && (ru->release_when != WHEN_ALWAYS || ru->release_if == RELIF_RESULT_NONZERO))) &&
	    c.result_slot < 0)
		c.result_slot = temp_slot(fn, e);
	for (int i = 0; i < nargs; i++) {
		int bs = clang_Cursor_isNull(args[i]) ? -1 : passed_base(fn, args[i]);
		if (bs >= 0) {
			c.bases = xrealloc(c.bases, (size_t)(c.nbases + 1) * sizeof(int));
			c.bases[c.nbases++] = bs;
		}
	}
	VEC_PUSH(fn->calls, fn->ncalls, fn->calls_cap, c);
	int idx = (int)fn->ncalls - 1;
	cursor_map_put(&fn->callmap, e, idx);
	return idx;
}

/* The kind of the value the call (or macro expansion) e yields. */
static enum rule_returns result_kind(CXCursor e)
{
	CXType t = clang_getCanonicalType(clang_getCursorType(e));
	switch (t.kind) {
	case CXType_Bool:
		return RETURNS_BOOL;
	case CXType_Pointer:
		return RETURNS_POINTER;
	case CXType_Char_S: case CXType_Char_U: case CXType_SChar: case CXType_UChar:
	case CXType_Short: case CXType_UShort: case CXType_Int: case CXType_UInt:
	case CXType_Long: case CXType_ULong: case CXType_LongLong: case CXType_ULongLong:
		return RETURNS_INT;
	default:
		return RETURNS_ANY;
	}
}

/* The rule for a call of name (the expression e), among those whose
 * required API this TU declares and whose `returns:` fits e's result. */
static const struct rule *fn_rule(const struct pl_fn *fn, const char *name, CXCursor e)
{
	return rules_lookup_call(fn->rules, name, fn->callees ? fn->callees->api_present : NULL, result_kind(e));
}

/* Is e the whole expansion of a function-like macro with a rule?  Gives the
 * token index of the macro name. */
static const struct rule *match_macro(const struct pl_fn *fn, CXCursor e, long *tok_index)
{
	long off = cursor_start_offset(fn, e);
	if (off < 0)
		return NULL;
	long ti = token_at(fn, off);
	if (ti < 0 || fn->tok[ti].kind != CXToken_Identifier || !tok_is(fn, (size_t)ti + 1, "("))
		return NULL;
	const char *name = fn->tok[ti].text;
	const struct rule *ru = fn_rule(fn, name, e);
	if (!ru)
		return NULL;
	enum CXCursorKind k = clang_getCursorKind(e);
	if (k == CXCursor_CallExpr) {
		char *callee = callee_name(e);
		int same = callee && strcmp(callee, name) == 0;
		free(callee);
		if (same)
			return NULL; /* a real call of that name */
	}
	if (starts_with_operand(e)) {
		struct cursor_list kids = { 0 };
		cursor_children(e, &kids);
		int bigger = kids.n > 0 && cursor_start_offset(fn, kids.v[0]) == off;
		cursor_list_free(&kids);
		if (bigger)
			return NULL;
	}
	*tok_index = ti;
	return ru;
}

/* If e is the expansion of a function-like macro that has a rule, lower it as
 * a call: its arguments are the sub-expressions written inside the
 * invocation's parentheses. */
static int try_macro_call(struct builder *b, CXCursor e)
{
	struct pl_fn *fn = b->fn;
	long ti;
	const struct rule *ru = match_macro(fn, e, &ti);
	if (!ru)
		return 0;
	const char *name = fn->tok[ti].text;
	struct arg_ranges ar;
	if (invocation_args(fn, (size_t)ti + 1, &ar))
		return 0;
	CXCursor *args = xmalloc((ar.n ? ar.n : 1) * sizeof(CXCursor));
	for (int i = 0; i < ar.n; i++)
		args[i] = clang_getNullCursor();
	struct argfind af = { fn, &ar, args };
	clang_visitChildren(e, find_args, &af);
	for (int i = 0; i < ar.n; i++)
		if (!clang_Cursor_isNull(args[i]))
			lower_expr(b, args[i]);
	int idx = add_call(b, name, ru, 1, ar.n, args, e);
	emit(b, EV_CALL, e, e, fn->calls[idx].result_slot, idx);
	return 1;
}

/* pfn_to_page() expanded inside another macro's definition (pfn_to_nid())
 * leaves memmap arithmetic and no token of its own: lower it as the call
 * it was, placed where the outer macro is used. */
static int try_memmap_call(struct builder *b, CXCursor e)
{
	CXCursor pfn;
	if (!memmap_pfn_to_page(e, &pfn))
		return 0;
	const struct rule *ru = fn_rule(b->fn, "pfn_to_page", e);
	if (!ru)
		return 0;
	CXCursor *args = xmalloc(sizeof(CXCursor));
	args[0] = pfn;
	lower_expr(b, pfn);
	int idx = add_call(b, "pfn_to_page", ru, 1, 1, args, e);
	emit(b, EV_CALL, e, e, b->fn->calls[idx].result_slot, idx);
	return 1;
}

/* ---- expressions ---- */

static void lower_children(struct builder *b, CXCursor e)
{
	struct cursor_list kids = { 0 };
	cursor_children(e, &kids);
	for (size_t i = 0; i < kids.n; i++) {
		enum CXCursorKind k = clang_getCursorKind(kids.v[i]);
		if (clang_isExpression(k))
			lower_expr(b, kids.v[i]);
		else if (clang_isStatement(k))
			lower_stmt(b, kids.v[i]);
	}
	cursor_list_free(&kids);
}

static int is_noreturn_builtin(const char *name)
{
	return name && (!strcmp(name, "__builtin_unreachable") || !strcmp(name, "__builtin_trap"));
}

static void lower_call(struct builder *b, CXCursor e)
{
	struct pl_fn *fn = b->fn;
	int n = clang_Cursor_getNumArguments(e);
	CXCursor *args = xmalloc((n > 0 ? (size_t)n : 1) * sizeof(CXCursor));
	/* the callee expression may itself contain calls (function pointers) */
	struct cursor_list kids = { 0 };
	cursor_children(e, &kids);
	if (kids.n > 0 && clang_getCursorKind(cursor_strip(kids.v[0])) != CXCursor_DeclRefExpr &&
	    clang_isExpression(clang_getCursorKind(kids.v[0])))
		lower_expr(b, kids.v[0]);
	cursor_list_free(&kids);
	for (int i = 0; i < n; i++) {
		args[i] = clang_Cursor_getArgument(e, (unsigned)i);
		lower_expr(b, args[i]);
	}
	char *name = callee_name(e);
	const struct rule *ru = name ? fn_rule(fn, name, e) : NULL;
	if (!ru && name && fn->callees) /* a helper defined in this TU */
		ru = fn->callees->lookup(fn->callees->ctx, clang_getCursorReferenced(e));
	int prev = b->dom_last > b->dom_first ? pure_call_find(fn, b->dom_first, b->dom_last, name, ru, n, args) : -1;
	if (prev >= 0) {
		/* skb_frag_page(f) && !PageHighMem(skb_frag_page(f)): the same value */
		cursor_map_put(&fn->temps, e, fn->calls[prev].result_slot);
		cursor_map_put(&fn->callmap, e, prev);
		free(args);
		free(name);
		return;
	}
	int idx = add_call(b, name ? name : "", ru, 0, n < 0 ? 0 : n, args, e);
	emit(b, EV_CALL, e, e, fn->calls[idx].result_slot, idx);
	/* a variable whose address is passed may be written by the callee
	 * (except where the rule says how: GUP's &page) */
	for (int i = 0; i < n; i++) {
		if (ru && ru->gup_pages == i)
			continue;
		CXCursor a = cursor_strip(args[i]);
		if (clang_getCursorKind(a) == CXCursor_UnaryOperator &&
		    clang_getCursorUnaryOperatorKind(a) == CXUnaryOperator_AddrOf) {
			struct cursor_list k2 = { 0 };
			cursor_children(a, &k2);
			int s = k2.n ? lvalue_slot(b, k2.v[0]) : -1;
			if (s >= 0)
				emit(b, EV_RESET, a, a, s, 0);
			cursor_list_free(&k2);
		}
	}
	if (is_noreturn_builtin(name))
		jump(b, -1);
	free(name);
}

static void lower_assign(struct builder *b, CXCursor e, CXCursor lhs, CXCursor rhs)
{
	lower_expr(b, rhs);
	int s = lvalue_slot(b, lhs);
	if (s < 0)
		lower_expr(b, lhs); /* a store: the lhs is evaluated (p->x = v derefs p) */
	emit(b, EV_ASSIGN, e, rhs, s, 0);
	int f = s < 0 ? field_slot(b->fn, cursor_strip(lhs)) : -1;
	if (f >= 0) {
		/* buf->page = v: the field holds v now; the same field through
		 * another pointer (an alias of buf) is not known any more */
		for (size_t i = 0; i < b->fn->nfield_slots; i++) {
			int o = b->fn->field_slots[i];
			if (o != f && clang_equalCursors(b->fn->slots[o].decl, b->fn->slots[f].decl))
				emit(b, EV_RESET, e, clang_getNullCursor(), o, 0);
		}
		emit(b, EV_COPY, e, rhs, f, 0);
	}
}

static int is_anonymous_member(CXCursor m)
{
	CXCursor d = clang_getCursorReferenced(m);
	return clang_Cursor_isAnonymousRecordDecl(d) || clang_Cursor_isAnonymous(d) ||
	       clang_Cursor_isAnonymous(clang_getTypeDeclaration(clang_getCursorType(m)));
}

static void lower_deref(struct builder *b, CXCursor e, CXCursor base)
{
	if (type_is_page_pointer(clang_getCursorType(base)))
		emit(b, EV_DEREF, e, base, -1, 0);
}

/* Address computations (&p->lru, &folio->page, &pages[i]) read no memory. */
static void lower_address_of(struct builder *b, CXCursor e, CXCursor operand)
{
	CXCursor op = cursor_strip(operand);
	enum CXCursorKind k = clang_getCursorKind(op);
	if (k == CXCursor_MemberRefExpr || k == CXCursor_ArraySubscriptExpr) {
		struct cursor_list kids = { 0 };
		cursor_children(op, &kids);
		for (size_t i = 0; i < kids.n; i++)
			if (clang_isExpression(clang_getCursorKind(kids.v[i])))
				lower_expr(b, kids.v[i]);
		cursor_list_free(&kids);
		return;
	}
	(void)e;
	lower_expr(b, operand);
}

static void lower_conditional(struct builder *b, CXCursor e)
{
	struct cursor_list kids = { 0 };
	cursor_children(e, &kids);
	if (kids.n != 3) {
		cursor_list_free(&kids);
		lower_children(b, e);
		return;
	}
	int slot = temp_slot(b->fn, e);
	int t = new_block(b), f = new_block(b), join = new_block(b);
	lower_cond(b, kids.v[0], t, f);
	b->cur = t;
	lower_expr(b, kids.v[1]);
	emit(b, EV_COPY, e, kids.v[1], slot, 0);
	jump(b, join);
	b->cur = f;
	lower_expr(b, kids.v[2]);
	emit(b, EV_COPY, e, kids.v[2], slot, 0);
	jump(b, join);
	b->cur = join;
	cursor_list_free(&kids);
}

static void lower_stmt_expr(struct builder *b, CXCursor e)
{
	CXCursor body = cursor_first_expr(e);
	if (clang_getCursorKind(body) != CXCursor_CompoundStmt) {
		struct cursor_list k = { 0 };
		cursor_children(e, &k);
		body = k.n ? k.v[0] : clang_getNullCursor();
		cursor_list_free(&k);
	}
	if (clang_Cursor_isNull(body))
		return;
	struct cursor_list kids = { 0 };
	cursor_children(body, &kids);
	for (size_t i = 0; i < kids.n; i++)
		lower_stmt(b, kids.v[i]);
	if (kids.n && clang_isExpression(clang_getCursorKind(kids.v[kids.n - 1])))
		emit(b, EV_COPY, e, kids.v[kids.n - 1], temp_slot(b->fn, e), 0);
	cursor_list_free(&kids);
}

/* _Generic: only the association whose type is the selection's type runs. */
static void lower_generic(struct builder *b, CXCursor e)
{
	struct cursor_list kids = { 0 };
	cursor_children(e, &kids);
	CXType want = clang_getCanonicalType(clang_getCursorType(e));
	for (size_t i = 1; i < kids.n; i++) {
		if (!clang_isExpression(clang_getCursorKind(kids.v[i])))
			continue;
		if (clang_equalTypes(clang_getCanonicalType(clang_getCursorType(kids.v[i])), want)) {
			lower_expr(b, kids.v[i]);
			emit(b, EV_COPY, e, kids.v[i], temp_slot(b->fn, e), 0);
			break;
		}
	}
	cursor_list_free(&kids);
}

/* libclang shows __builtin_offsetof as an unexposed expression with a
 * member reference (not a member expression) among its children. */
static int is_offsetof(CXCursor e)
{
	struct cursor_list kids = { 0 };
	cursor_children(e, &kids);
	int yes = 0;
	for (size_t i = 0; i < kids.n && !yes; i++)
		yes = clang_getCursorKind(kids.v[i]) == CXCursor_MemberRef;
	cursor_list_free(&kids);
	return yes;
}

static void lower_expr(struct builder *b, CXCursor e)
{
	enum CXCursorKind k = clang_getCursorKind(e);
	if (k == CXCursor_DeclRefExpr || k == CXCursor_IntegerLiteral || k == CXCursor_StringLiteral ||
	    k == CXCursor_CharacterLiteral || k == CXCursor_FloatingLiteral || k == CXCursor_UnaryExpr /* sizeof */ ||
	    k == CXCursor_TypeRef)
		return;
	if (try_macro_call(b, e))
		return;
	switch (k) {
	case CXCursor_CallExpr:
		lower_call(b, e);
		return;
	case CXCursor_BinaryOperator: {
		CXCursor l, r;
		if (!cursor_two_operands(e, &l, &r))
			return;
		enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(e);
		if (op == CXBinaryOperator_LAnd || op == CXBinaryOperator_LOr) {
			int join = new_block(b);
			lower_cond(b, e, join, join);
			b->cur = join;
		} else if (op == CXBinaryOperator_Assign) {
			lower_assign(b, e, l, r);
		} else if (try_memmap_call(b, e)) {
			return;
		} else {
			lower_expr(b, l);
			lower_expr(b, r);
		}
		return;
	}
	case CXCursor_CompoundAssignOperator: {
		CXCursor l, r;
		if (!cursor_two_operands(e, &l, &r))
			return;
		lower_expr(b, r);
		int s = lvalue_slot(b, l);
		if (s >= 0)
			emit(b, EV_UPDATE, e, l, s, 0);
		else
			lower_expr(b, l);
		return;
	}
	case CXCursor_UnaryOperator: {
		CXCursor op = cursor_first_expr(e);
		if (clang_Cursor_isNull(op))
			return;
		switch (clang_getCursorUnaryOperatorKind(e)) {
		case CXUnaryOperator_PostInc:
		case CXUnaryOperator_PostDec:
		case CXUnaryOperator_PreInc:
		case CXUnaryOperator_PreDec: {
			int s = lvalue_slot(b, op);
			if (s >= 0)
				emit(b, EV_UPDATE, e, op, s, 0);
			else
				lower_expr(b, op);
			return;
		}
		case CXUnaryOperator_Deref: {
			/* *&p->x (READ_ONCE, WRITE_ONCE) reads p->x */
			CXCursor so = cursor_strip(op);
			if (clang_getCursorKind(so) == CXCursor_UnaryOperator &&
			    clang_getCursorUnaryOperatorKind(so) == CXUnaryOperator_AddrOf &&
			    !clang_Cursor_isNull(cursor_first_expr(so))) {
				lower_expr(b, cursor_first_expr(so));
				return;
			}
			lower_expr(b, op);
			lower_deref(b, e, op);
			return;
		}
		case CXUnaryOperator_AddrOf:
			lower_address_of(b, e, op);
			return;
		default:
			lower_expr(b, op);
			return;
		}
	}
	case CXCursor_MemberRefExpr: {
		field_slot(b->fn, e);
		CXCursor base = cursor_first_expr(e);
		if (clang_Cursor_isNull(base) || !clang_isExpression(clang_getCursorKind(base)))
			return;
		/* page->private reaches private through an unnamed union: report the
		 * named member, on the struct page pointer under it */
		CXCursor inner = cursor_strip(base);
		while (clang_getCursorKind(inner) == CXCursor_MemberRefExpr && is_anonymous_member(inner)) {
			CXCursor ib = cursor_first_expr(inner);
			if (clang_Cursor_isNull(ib) || !clang_isExpression(clang_getCursorKind(ib)))
				break;
			base = ib;
			inner = cursor_strip(ib);
		}
		lower_expr(b, base);
		lower_deref(b, e, base);
		return;
	}
	case CXCursor_ArraySubscriptExpr: {
		CXCursor base, idx;
		if (!cursor_two_operands(e, &base, &idx))
			return;
		lower_expr(b, base);
		lower_expr(b, idx);
		lower_deref(b, e, base);
		return;
	}
	case CXCursor_ConditionalOperator:
		lower_conditional(b, e);
		return;
	case CXCursor_StmtExpr:
		lower_stmt_expr(b, e);
		return;
	case CXCursor_GenericSelectionExpr:
		lower_generic(b, e);
		return;
	case CXCursor_CStyleCastExpr: {
		/* (typeof(*page) *)x: only the operand is evaluated */
		struct cursor_list kids = { 0 };
		cursor_children(e, &kids);
		if (kids.n && clang_isExpression(clang_getCursorKind(kids.v[kids.n - 1])))
			lower_expr(b, kids.v[kids.n - 1]);
		cursor_list_free(&kids);
		return;
	}
	case CXCursor_UnexposedExpr:
		if (is_offsetof(e))
			return; /* offsetof(typeof(*page), lru): a constant, nothing read */
		lower_children(b, e);
		return;
	default:
		lower_children(b, e);
		return;
	}
}

/* ---- conditions ---- */

/* 1 or 0 if e is a constant condition, -1 otherwise. */
static int const_cond(CXCursor e)
{
	CXCursor s = cursor_strip(e);
	enum CXCursorKind k = clang_getCursorKind(s);
	if (k != CXCursor_IntegerLiteral)
		return -1;
	CXEvalResult r = clang_Cursor_Evaluate(s);
	if (!r)
		return -1;
	int v = -1;
	if (clang_EvalResult_getKind(r) == CXEval_Int)
		v = clang_EvalResult_getAsLongLong(r) != 0;
	clang_EvalResult_dispose(r);
	return v;
}

static int is_builtin_expect(CXCursor e)
{
	if (clang_getCursorKind(e) != CXCursor_CallExpr)
		return 0;
	char *n = callee_name(e);
	int yes = n && (!strcmp(n, "__builtin_expect") || !strcmp(n, "__builtin_expect_with_probability"));
	free(n);
	return yes;
}

/* Strip parentheses and casts, but not into a macro call with a rule. */
static CXCursor strip_to_macro(const struct pl_fn *fn, CXCursor e)
{
	long ti;
	for (;;) {
		if (match_macro(fn, e, &ti))
			return e;
		CXCursor n = cursor_strip_one(e);
		if (clang_equalCursors(n, e))
			return e;
		e = n;
	}
}

static void lower_cond(struct builder *b, CXCursor e, int t, int f)
{
	CXCursor s = strip_to_macro(b->fn, e);
	long ti;
	if (match_macro(b->fn, s, &ti)) {
		lower_expr(b, e);
		branch(b, e, t, f);
		return;
	}
	int c = const_cond(s);
	if (c >= 0) {
		jump(b, c ? t : f);
		return;
	}
	enum CXCursorKind k = clang_getCursorKind(s);
	if (k == CXCursor_UnaryOperator && clang_getCursorUnaryOperatorKind(s) == CXUnaryOperator_LNot) {
		lower_cond(b, cursor_first_expr(s), f, t);
		return;
	}
	if (k == CXCursor_BinaryOperator) {
		enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(s);
		CXCursor l, r;
		if ((op == CXBinaryOperator_LAnd || op == CXBinaryOperator_LOr) && cursor_two_operands(s, &l, &r)) {
			int mid = new_block(b);
			size_t first = b->fn->ncalls, save_first = b->dom_first, save_last = b->dom_last;
			if (op == CXBinaryOperator_LAnd)
				lower_cond(b, l, mid, f);
			else
				lower_cond(b, l, t, mid);
			b->cur = mid;
			if (pure_prefix_dominates(l, op)) {
				/* the calls of l ran before r (and so did those before l) */
				b->dom_first = save_last == first && save_last > save_first ? save_first : first;
				b->dom_last = b->fn->ncalls;
			}
			lower_cond(b, r, t, f);
			b->dom_first = save_first;
			b->dom_last = save_last;
			return;
		}
	}
	if (is_builtin_expect(s) && clang_Cursor_getNumArguments(s) >= 1) {
		lower_cond(b, clang_Cursor_getArgument(s, 0), t, f);
		return;
	}
	lower_expr(b, e);
	branch(b, e, t, f);
}

/* ---- statements ---- */

static struct jump_ctx *push_jump(struct builder *b, int brk, int cont, int is_switch)
{
	struct jump_ctx j = { brk, cont, is_switch, b->cur, 0 };
	VEC_PUSH(b->jumps, b->njumps, b->jumps_cap, j);
	return &b->jumps[b->njumps - 1];
}

static int find_jump(struct builder *b, int want_continue)
{
	for (size_t i = b->njumps; i-- > 0;) {
		int tgt = want_continue ? b->jumps[i].cont : b->jumps[i].brk;
		if (tgt >= 0)
			return tgt;
	}
	return -1;
}

/* Labels are keyed by name: they are function-scoped, and the cursor a goto
 * refers to is not always equal to the label statement's own cursor. */
static int label_block(struct builder *b, CXCursor label)
{
	CXString s = clang_getCursorSpelling(label);
	const char *name = clang_getCString(s);
	int blk = -1;
	for (size_t i = 0; i < b->nlabels; i++)
		if (!strcmp(b->labels[i].name, name))
			blk = b->labels[i].block;
	if (blk < 0) {
		blk = new_block(b);
		struct label l = { xstrdup(name), blk };
		VEC_PUSH(b->labels, b->nlabels, b->labels_cap, l);
	}
	clang_disposeString(s);
	return blk;
}

static int is_side_effect(CXCursor c)
{
	c = cursor_strip(c);
	switch (clang_getCursorKind(c)) {
	case CXCursor_DeclStmt:
	case CXCursor_CompoundAssignOperator:
		return 1;
	case CXCursor_BinaryOperator: {
		enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(c);
		return op == CXBinaryOperator_Assign || op == CXBinaryOperator_Comma;
	}
	case CXCursor_UnaryOperator: {
		enum CXUnaryOperatorKind op = clang_getCursorUnaryOperatorKind(c);
		return op == CXUnaryOperator_PostInc || op == CXUnaryOperator_PostDec || op == CXUnaryOperator_PreInc ||
		       op == CXUnaryOperator_PreDec;
	}
	default:
		return 0;
	}
}

/* libclang omits absent for-clauses; find which child is which.  Written
 * loops: from the ';' tokens.  Loops from iterator macros: by shape. */
static void for_parts(struct builder *b, CXCursor s, struct cursor_list *kids, CXCursor *init, CXCursor *cond,
		      CXCursor *inc, CXCursor *body)
{
	struct pl_fn *fn = b->fn;
	*init = *cond = *inc = *body = clang_getNullCursor();
	if (!kids->n)
		return;
	*body = kids->v[kids->n - 1];
	size_t nparts = kids->n - 1;
	if (nparts == 0)
		return;
	if (nparts == 3) {
		*init = kids->v[0];
		*cond = kids->v[1];
		*inc = kids->v[2];
		return;
	}
	long off = cursor_start_offset(fn, s);
	long ti = off >= 0 ? token_at(fn, off) : -1;
	if (ti >= 0 && tok_is(fn, (size_t)ti, "for") && tok_is(fn, (size_t)ti + 1, "(")) {
		long semi[2] = { -1, -1 };
		int depth = 0, ns = 0;
		for (size_t i = (size_t)ti + 1; i < fn->ntok; i++) {
			const char *t = fn->tok[i].text ? fn->tok[i].text : "";
			if (!strcmp(t, "(") || !strcmp(t, "[") || !strcmp(t, "{"))
				depth++;
			else if (!strcmp(t, ")") || !strcmp(t, "]") || !strcmp(t, "}")) {
				if (--depth == 0)
					break;
			} else if (depth == 1 && !strcmp(t, ";") && ns < 2)
				semi[ns++] = (long)fn->tok[i].offset;
		}
		if (ns == 2) {
			for (size_t i = 0; i < nparts; i++) {
				long o = cursor_start_offset(fn, kids->v[i]);
				if (o >= 0 && o < semi[0])
					*init = kids->v[i];
				else if (o >= 0 && o < semi[1])
					*cond = kids->v[i];
				else
					*inc = kids->v[i];
			}
			return;
		}
	}
	/* by shape */
	if (nparts == 2) {
		if (is_side_effect(kids->v[0])) {
			*init = kids->v[0];
			if (is_side_effect(kids->v[1]))
				*inc = kids->v[1];
			else
				*cond = kids->v[1];
		} else {
			*cond = kids->v[0];
			*inc = kids->v[1];
		}
	} else if (is_side_effect(kids->v[0])) {
		*inc = kids->v[0];
	} else {
		*cond = kids->v[0];
	}
}

static void lower_decl_stmt(struct builder *b, CXCursor s)
{
	struct cursor_list kids = { 0 };
	cursor_children(s, &kids);
	for (size_t i = 0; i < kids.n; i++) {
		CXCursor d = kids.v[i];
		if (clang_getCursorKind(d) != CXCursor_VarDecl)
			continue;
		int slot = var_slot(b->fn, d, 0);
		CXCursor init = clang_Cursor_getVarDeclInitializer(d);
		if (!clang_Cursor_isNull(init)) {
			lower_expr(b, init);
			if (slot >= 0)
				emit(b, EV_ASSIGN, d, init, slot, 0);
		} else if (slot >= 0 && clang_Cursor_hasVarDeclGlobalStorage(d) == 1) {
			emit(b, EV_RESET, d, d, slot, 0);
		}
	}
	cursor_list_free(&kids);
}

/* The variable an init clause sets (i = C, int i = C) and the constant. */
static int init_constant(CXCursor init, CXCursor *var, long long *c)
{
	init = cursor_strip(init);
	struct cursor_list kids = { 0 };
	int ok = 0;
	enum CXCursorKind k = clang_getCursorKind(init);
	if (k == CXCursor_BinaryOperator && clang_getCursorBinaryOperatorKind(init) == CXBinaryOperator_Assign) {
		CXCursor l, r;
		if (cursor_two_operands(init, &l, &r) && clang_getCursorKind(cursor_strip(l)) == CXCursor_DeclRefExpr &&
		    cursor_int_constant(r, c)) {
			*var = clang_getCursorReferenced(cursor_strip(l));
			ok = 1;
		}
	} else if (k == CXCursor_DeclStmt) {
		cursor_children(init, &kids);
		if (kids.n == 1 && clang_getCursorKind(kids.v[0]) == CXCursor_VarDecl) {
			CXCursor e = cursor_last_expr(kids.v[0]);
			if (!clang_Cursor_isNull(e) && cursor_int_constant(e, c)) {
				*var = kids.v[0];
				ok = 1;
			}
		}
	}
	cursor_list_free(&kids);
	return ok;
}

/* Known to exceed c: a larger constant, or 1 << n when c is 0. */
static int exceeds(CXCursor e, long long c)
{
	long long v;
	if (cursor_int_constant(e, &v))
		return v > c;
	e = cursor_strip(e);
	CXCursor l, r;
	if (c == 0 && clang_getCursorKind(e) == CXCursor_BinaryOperator &&
	    clang_getCursorBinaryOperatorKind(e) == CXBinaryOperator_Shl && cursor_two_operands(e, &l, &r))
		return cursor_int_constant(l, &v) && v > 0;
	return 0;
}

/* A for loop whose first test cannot fail runs at least once: no edge from
 * the entry to the exit (a zero-trip path would look like a leak). */
static int first_test_true(CXCursor init, CXCursor cond)
{
	CXCursor var, l, r;
	long long c;
	if (clang_Cursor_isNull(init) || clang_Cursor_isNull(cond) || !init_constant(init, &var, &c))
		return 0;
	cond = cursor_strip(cond);
	if (clang_getCursorKind(cond) != CXCursor_BinaryOperator || !cursor_two_operands(cond, &l, &r))
		return 0;
	enum CXBinaryOperatorKind op = clang_getCursorBinaryOperatorKind(cond);
	l = cursor_strip(l);
	if (clang_getCursorKind(l) != CXCursor_DeclRefExpr || !clang_equalCursors(clang_getCursorReferenced(l), var))
		return 0;
	if (op == CXBinaryOperator_LT)
		return exceeds(r, c);
	if (op == CXBinaryOperator_LE)
		return exceeds(r, c - 1);
	return 0;
}

static void lower_stmt(struct builder *b, CXCursor s)
{
	enum CXCursorKind k = clang_getCursorKind(s);
	if (clang_isExpression(k)) {
		lower_expr(b, s);
		int ci = cursor_map_get(&b->fn->callmap, cursor_strip(s));
		if (ci >= 0)
			b->fn->calls[ci].result_unused = 1; /* helper(page); its result not tested */
		return;
	}
	struct cursor_list kids = { 0 };
	cursor_children(s, &kids);
	switch (k) {
	case CXCursor_CompoundStmt:
		for (size_t i = 0; i < kids.n; i++)
			lower_stmt(b, kids.v[i]);
		break;
	case CXCursor_DeclStmt:
		lower_decl_stmt(b, s);
		break;
	case CXCursor_IfStmt: {
		if (kids.n < 2)
			break;
		int t = new_block(b), join = new_block(b);
		int f = kids.n >= 3 ? new_block(b) : join;
		lower_cond(b, kids.v[0], t, f);
		b->cur = t;
		lower_stmt(b, kids.v[1]);
		jump(b, join);
		if (kids.n >= 3) {
			b->cur = f;
			lower_stmt(b, kids.v[2]);
			jump(b, join);
		}
		b->cur = join;
		break;
	}
	case CXCursor_WhileStmt: {
		if (kids.n < 2)
			break;
		int head = new_block(b), body = new_block(b), exit = new_block(b);
		jump(b, head);
		b->cur = head;
		lower_cond(b, kids.v[0], body, exit);
		push_jump(b, exit, head, 0);
		b->cur = body;
		lower_stmt(b, kids.v[kids.n - 1]);
		jump(b, head);
		b->njumps--;
		b->cur = exit;
		break;
	}
	case CXCursor_DoStmt: {
		if (kids.n < 2)
			break;
		int body = new_block(b), condb = new_block(b), exit = new_block(b);
		jump(b, body);
		push_jump(b, exit, condb, 0);
		b->cur = body;
		lower_stmt(b, kids.v[0]);
		jump(b, condb);
		b->njumps--;
		b->cur = condb;
		lower_cond(b, kids.v[1], body, exit);
		b->cur = exit;
		break;
	}
	case CXCursor_ForStmt: {
		CXCursor init, cond, inc, body;
		for_parts(b, s, &kids, &init, &cond, &inc, &body);
		if (!clang_Cursor_isNull(init))
			lower_stmt(b, init);
		int head = new_block(b), bodyb = new_block(b), incb = new_block(b), exit = new_block(b);
		/* for (i = 0; i < 1U << order; i++): the first test is true */
		jump(b, first_test_true(init, cond) ? bodyb : head);
		b->cur = head;
		if (!clang_Cursor_isNull(cond))
			lower_cond(b, cond, bodyb, exit);
		else
			jump(b, bodyb);
		push_jump(b, exit, incb, 0);
		b->cur = bodyb;
		if (!clang_Cursor_isNull(body))
			lower_stmt(b, body);
		jump(b, incb);
		b->njumps--;
		b->cur = incb;
		if (!clang_Cursor_isNull(inc))
			lower_expr(b, inc);
		jump(b, head);
		b->cur = exit;
		break;
	}
	case CXCursor_SwitchStmt: {
		if (kids.n < 2)
			break;
		lower_expr(b, kids.v[0]);
		int disp = b->cur, exit = new_block(b);
		b->cur = new_block(b); /* code before the first case is unreachable */
		struct jump_ctx *j = push_jump(b, exit, -1, 1);
		j->switch_blk = disp;
		lower_stmt(b, kids.v[kids.n - 1]);
		jump(b, exit);
		if (!b->jumps[b->njumps - 1].has_default)
			add_edge(b, disp, exit);
		b->njumps--;
		b->cur = exit;
		break;
	}
	case CXCursor_CaseStmt:
	case CXCursor_DefaultStmt: {
		int blk = new_block(b);
		jump(b, blk); /* fallthrough from the previous case */
		for (size_t i = b->njumps; i-- > 0;) {
			if (b->jumps[i].is_switch) {
				add_edge(b, b->jumps[i].switch_blk, blk);
				if (k == CXCursor_DefaultStmt)
					b->jumps[i].has_default = 1;
				break;
			}
		}
		b->cur = blk;
		if (kids.n)
			lower_stmt(b, kids.v[kids.n - 1]);
		break;
	}
	case CXCursor_BreakStmt:
		jump(b, find_jump(b, 0));
		break;
	case CXCursor_ContinueStmt:
		jump(b, find_jump(b, 1));
		break;
	case CXCursor_GotoStmt: {
		CXCursor label = kids.n ? clang_getCursorReferenced(kids.v[0]) : clang_getNullCursor();
		if (clang_getCursorKind(label) == CXCursor_LabelStmt)
			jump(b, label_block(b, label));
		else
			jump(b, b->fn->exit);
		break;
	}
	case CXCursor_IndirectGotoStmt:
		lower_children(b, s);
		jump(b, b->fn->exit);
		break;
	case CXCursor_LabelStmt: {
		int blk = label_block(b, s);
		jump(b, blk);
		b->cur = blk;
		if (kids.n)
			lower_stmt(b, kids.v[kids.n - 1]);
		break;
	}
	case CXCursor_ReturnStmt: {
		CXCursor v = clang_getNullCursor();
		if (kids.n && clang_isExpression(clang_getCursorKind(kids.v[0]))) {
			v = kids.v[0];
			lower_expr(b, v);
		}
		emit(b, EV_RETURN, s, v, -1, 0);
		jump(b, b->fn->exit);
		break;
	}
	case CXCursor_NullStmt:
	case CXCursor_AsmStmt:
	case CXCursor_MSAsmStmt:
	case CXCursor_StaticAssert: /* container_of()'s type check: not evaluated */
		break;
	default:
		lower_children(b, s);
		break;
	}
	cursor_list_free(&kids);
}

int cfg_build(struct pl_fn *fn, CXTranslationUnit tu, CXCursor decl, const struct rules *rules,
	      const struct pl_callee_rules *callees)
{
	memset(fn, 0, sizeof(*fn));
	fn->tu = tu;
	fn->decl = decl;
	fn->rules = rules;
	fn->callees = callees;
	CXString n = clang_getCursorSpelling(decl);
	fn->name = xstrdup(clang_getCString(n));
	clang_disposeString(n);
	CXFile f;
	clang_getFileLocation(clang_getCursorLocation(decl), &f, NULL, NULL, NULL);
	fn->main_file = f;

	struct cursor_list kids = { 0 };
	cursor_children(decl, &kids);
	CXCursor body = clang_getNullCursor();
	int pi = 0;
	for (size_t i = 0; i < kids.n; i++) {
		enum CXCursorKind k = clang_getCursorKind(kids.v[i]);
		if (k == CXCursor_ParmDecl) {
			int s = var_slot(fn, kids.v[i], 1);
			if (s >= 0)
				fn->slots[s].param_index = pi;
			int es = cursor_map_get(&fn->elems, kids.v[i]);
			if (es >= 0)
				fn->slots[es].param_index = pi;
			pi++;
		} else if (k == CXCursor_CompoundStmt) {
			body = kids.v[i];
		}
	}
	cursor_list_free(&kids);
	if (clang_Cursor_isNull(body))
		return -1;

	load_tokens(fn);
	fn->contract_tok[0] = fn->contract_tok[1] = -1;
	contracts_find(fn);
	struct builder b = { .fn = fn };
	fn->entry = new_block(&b);
	fn->exit = new_block(&b);
	b.cur = fn->entry;
	lower_stmt(&b, body);
	/* falling off the end returns: leaks are reported at the closing brace */
	emit(&b, EV_RETURN, body, clang_getNullCursor(), -1, 0);

	jump(&b, fn->exit);
	free(b.jumps);
	for (size_t i = 0; i < b.nlabels; i++)
		free(b.labels[i].name);
	free(b.labels);
	return 0;
}

void cfg_free(struct pl_fn *fn)
{
	for (size_t i = 0; i < fn->nblk; i++) {
		free(fn->blk[i].ev);
		free(fn->blk[i].succ);
	}
	free(fn->blk);
	free(fn->ev);
	for (size_t i = 0; i < fn->ncalls; i++) {
		free(fn->calls[i].name);
		free(fn->calls[i].args);
		free(fn->calls[i].bases);
	}
	free(fn->calls);
	for (size_t i = 0; i < fn->nslots; i++)
		free(fn->slots[i].name);
	free(fn->slots);
	for (size_t i = 0; i < fn->ntok; i++)
		free(fn->tok[i].text);
	free(fn->tok);
	cursor_map_free(&fn->vars);
	cursor_map_free(&fn->elems);
	cursor_map_free(&fn->temps);
	cursor_map_free(&fn->callmap);
	cursor_map_free(&fn->fieldrefs);
	free(fn->field_slots);
	free(fn->name);
	free(fn->entry_callers);
	free(fn->caller_holds_slot);
	memset(fn, 0, sizeof(*fn));
}
