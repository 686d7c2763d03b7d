/* The CFG builder: every C control-flow form lands on the right edges. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "analysis.h"
#include "cfg.h"
#include "rules.h"

struct parsed {
	CXIndex index;
	CXTranslationUnit tu;
	struct rules rules;
	struct pl_fn fn;
};

struct find_ctx {
	const char *name;
	CXCursor found;
};

static enum CXChildVisitResult find_fn(CXCursor c, CXCursor parent, CXClientData data)
{
	(void)parent;
	struct find_ctx *f = data;
	CXString s = clang_getCursorSpelling(c);
	if (clang_getCursorKind(c) == CXCursor_FunctionDecl && clang_isCursorDefinition(c) &&
	    !strcmp(clang_getCString(s), f->name))
		f->found = c;
	clang_disposeString(s);
	return CXChildVisit_Continue;
}

/* Parse src as t.c, with an optional rules text, and lower function name. */
static void parse(struct parsed *p, const char *src, const char *rules_yaml, const char *name)
{
	memset(p, 0, sizeof(*p));
	if (rules_yaml) {
		char path[] = "/tmp/pagelife-unit-rules-XXXXXX";
		int fd = mkstemp(path);
		assert_true(fd >= 0);
		assert_int_equal(write(fd, rules_yaml, strlen(rules_yaml)), (ssize_t)strlen(rules_yaml));
		close(fd);
		char err[512];
		int r = rules_load_path(&p->rules, path, err, sizeof(err));
		unlink(path);
		if (r)
			fail_msg("rules: %s", err);
		rules_index(&p->rules);
	}
	p->index = clang_createIndex(0, 0);
	struct CXUnsavedFile uf = { "t.c", src, (unsigned long)strlen(src) };
	const char *args[] = { "-w" };
	assert_int_equal(clang_parseTranslationUnit2(p->index, "t.c", args, 1, &uf, 1, 0, &p->tu), CXError_Success);
	struct find_ctx f = { name, clang_getNullCursor() };
	clang_visitChildren(clang_getTranslationUnitCursor(p->tu), find_fn, &f);
	assert_false(clang_Cursor_isNull(f.found));
	assert_int_equal(cfg_build(&p->fn, p->tu, f.found, &p->rules, NULL), 0);
}

static int slot_named(const struct pl_fn *fn, const char *name)
{
	for (size_t i = 0; i < fn->nslots; i++)
		if (fn->slots[i].name && !strcmp(fn->slots[i].name, name))
			return (int)i;
	return -1;
}

static void release(struct parsed *p)
{
	cfg_free(&p->fn);
	clang_disposeTranslationUnit(p->tu);
	clang_disposeIndex(p->index);
	rules_free(&p->rules);
}

/* Block holding the call of `callee` (the first one), -1 if none. */
static int block_of_call(const struct pl_fn *fn, const char *callee)
{
	for (size_t b = 0; b < fn->nblk; b++)
		for (size_t i = 0; i < fn->blk[b].nev; i++) {
			const struct pl_event *e = &fn->ev[fn->blk[b].ev[i]];
			if (e->kind == EV_CALL && !strcmp(fn->calls[e->aux].name, callee))
				return (int)b;
		}
	return -1;
}

/* Is `to` reachable from `from` (in one or more edges, not through `avoid`)? */
static int reaches1(const struct pl_fn *fn, int from, int to, int avoid)
{
	char *seen = calloc(fn->nblk, 1);
	int *stack = malloc(fn->nblk * sizeof(int) * 4 + 4);
	size_t sp = 0;
	int found = 0;
	stack[sp++] = from;
	while (sp && !found) {
		int b = stack[--sp];
		if (seen[b] || b == avoid)
			continue;
		seen[b] = 1;
		for (size_t i = 0; i < fn->blk[b].nsucc; i++) {
			int s = fn->blk[b].succ[i];
			if (s == to) {
				found = 1;
				break;
			}
			stack[sp++] = s;
		}
	}
	free(seen);
	free(stack);
	return found;
}

#define DECLS "void a(void); void b(void); void c(void); void d(void); int t(void); int u(void);\n"

/* ... or is `to` the same block as `from` */
static int reaches(const struct pl_fn *fn, int from, int to, int avoid)
{
	return from == to || reaches1(fn, from, to, avoid);
}

static void if_else_branches(void **state)
{
	(void)state;
	struct parsed p;
	parse(&p, DECLS "void f(void) { if (t()) a(); else b(); c(); }", NULL, "f");
	int bt = block_of_call(&p.fn, "t"), ba = block_of_call(&p.fn, "a"), bb = block_of_call(&p.fn, "b"),
	    bc = block_of_call(&p.fn, "c");
	assert_true(p.fn.blk[bt].is_branch);
	assert_int_equal(p.fn.blk[bt].nsucc, 2);
	assert_true(reaches(&p.fn, p.fn.blk[bt].succ[0], ba, -1));
	assert_false(reaches(&p.fn, p.fn.blk[bt].succ[0], bb, -1));
	assert_true(reaches(&p.fn, p.fn.blk[bt].succ[1], bb, -1));
	assert_true(reaches(&p.fn, ba, bc, -1));
	assert_true(reaches(&p.fn, bb, bc, -1));
	release(&p);
}

static void while_loop_has_back_edge(void **state)
{
	(void)state;
	struct parsed p;
	parse(&p, DECLS "void f(void) { while (t()) a(); b(); }", NULL, "f");
	int bt = block_of_call(&p.fn, "t"), ba = block_of_call(&p.fn, "a"), bb = block_of_call(&p.fn, "b");
	assert_true(reaches(&p.fn, ba, bt, -1)); /* back to the condition */
	assert_true(reaches(&p.fn, bt, bb, ba)); /* exit without the body */
	release(&p);
}

static void for_without_condition_loops_forever(void **state)
{
	(void)state;
	struct parsed p;
	parse(&p, DECLS "void f(void) { int i; for (i = 0; ; i++) { if (t()) break; a(); } b(); }", NULL, "f");
	int bt = block_of_call(&p.fn, "t"), ba = block_of_call(&p.fn, "a"), bb = block_of_call(&p.fn, "b");
	assert_true(reaches(&p.fn, ba, bt, -1));
	/* the only way out is the break */
	assert_true(reaches(&p.fn, p.fn.blk[bt].succ[0], bb, -1));
	assert_false(reaches(&p.fn, p.fn.blk[bt].succ[1], bb, bt));
	release(&p);
}

static void for_with_all_clauses(void **state)
{
	(void)state;
	struct parsed p;
	parse(&p, DECLS "void f(void) { int i; for (i = 0; t(); i += u()) a(); b(); }", NULL, "f");
	int bt = block_of_call(&p.fn, "t"), ba = block_of_call(&p.fn, "a"), bu = block_of_call(&p.fn, "u");
	assert_true(p.fn.blk[bt].is_branch);
	assert_true(reaches(&p.fn, ba, bu, -1));  /* increment after the body */
	assert_true(reaches(&p.fn, bu, bt, -1));  /* then the condition again */
	assert_false(reaches(&p.fn, p.fn.entry, bu, bt)); /* never before the condition */
	release(&p);
}

static void continue_goes_to_increment(void **state)
{
	(void)state;
	struct parsed p;
	parse(&p, DECLS "void f(void) { for (int i = 0; i < 4; i += u()) { if (t()) continue; a(); } }", NULL, "f");
	int bt = block_of_call(&p.fn, "t"), ba = block_of_call(&p.fn, "a"), bu = block_of_call(&p.fn, "u");
	assert_true(reaches(&p.fn, p.fn.blk[bt].succ[0], bu, ba));
	release(&p);
}

static void do_while_zero_runs_once(void **state)
{
	(void)state;
	struct parsed p;
	parse(&p, DECLS "void f(void) { do { a(); } while (0); b(); }", NULL, "f");
	int ba = block_of_call(&p.fn, "a"), bb = block_of_call(&p.fn, "b");
	assert_false(reaches1(&p.fn, ba, ba, -1)); /* no back edge for while (0) */
	assert_true(reaches(&p.fn, ba, bb, -1));
	release(&p);
}

static void switch_fallthrough_and_default(void **state)
{
	(void)state;
	struct parsed p;
	parse(&p, DECLS "void f(int x) { switch (x) { case 1: a(); case 2: b(); break; default: c(); } d(); }", NULL,
	      "f");
	int ba = block_of_call(&p.fn, "a"), bb = block_of_call(&p.fn, "b"), bc = block_of_call(&p.fn, "c"),
	    bd = block_of_call(&p.fn, "d");
	assert_true(reaches(&p.fn, ba, bb, -1));  /* fallthrough */
	assert_false(reaches(&p.fn, bb, bc, -1)); /* break skips default */
	assert_true(reaches(&p.fn, bb, bd, -1));
	assert_true(reaches(&p.fn, bc, bd, -1));
	release(&p);
}

static void goto_error_ladder(void **state)
{
	(void)state;
	struct parsed p;
	parse(&p, DECLS "int f(void) { if (t()) goto out; a(); if (u()) goto out_b; return 0;\n"
			"out_b: b();\nout: c(); return 1; }",
	      NULL, "f");
	int bt = block_of_call(&p.fn, "t"), ba = block_of_call(&p.fn, "a"), bb = block_of_call(&p.fn, "b"),
	    bc = block_of_call(&p.fn, "c");
	assert_true(reaches(&p.fn, p.fn.blk[bt].succ[0], bc, ba)); /* goto out skips a() and b() */
	assert_false(reaches(&p.fn, p.fn.blk[bt].succ[0], bb, -1));
	assert_true(reaches(&p.fn, bb, bc, -1));                   /* the ladder falls through */
	release(&p);
}

static void backward_goto_makes_a_loop(void **state)
{
	(void)state;
	struct parsed p;
	parse(&p, DECLS "void f(void) { again: a(); if (t()) goto again; b(); }", NULL, "f");
	int ba = block_of_call(&p.fn, "a");
	assert_true(reaches1(&p.fn, ba, ba, -1));
	release(&p);
}

static void short_circuit_and_or(void **state)
{
	(void)state;
	struct parsed p;
	parse(&p, DECLS "void f(void) { if (t() && u()) a(); if (t() || u()) b(); }", NULL, "f");
	int bt = block_of_call(&p.fn, "t"), bu = block_of_call(&p.fn, "u"), ba = block_of_call(&p.fn, "a");
	assert_true(p.fn.blk[bt].is_branch);
	/* u() runs only when t() was true; a() can be reached without u() never */
	assert_true(reaches(&p.fn, p.fn.blk[bt].succ[0], bu, -1));
	assert_false(reaches(&p.fn, p.fn.blk[bt].succ[1], ba, -1));
	release(&p);
}

static void early_return_leaves_dead_code(void **state)
{
	(void)state;
	struct parsed p;
	parse(&p, DECLS "void f(void) { a(); return; b(); }", NULL, "f");
	int ba = block_of_call(&p.fn, "a"), bb = block_of_call(&p.fn, "b");
	assert_false(reaches(&p.fn, p.fn.entry, bb, -1));
	assert_true(reaches(&p.fn, ba, p.fn.exit, -1));
	release(&p);
}

static void statement_expression_and_conditional(void **state)
{
	(void)state;
	struct parsed p;
	parse(&p, DECLS "int f(void) { int x = ({ a(); t(); }); return x ? u() : 0; }", NULL, "f");
	int copies = 0;
	for (size_t i = 0; i < p.fn.nev; i++)
		copies += p.fn.ev[i].kind == EV_COPY;
	assert_int_equal(copies, 3); /* the statement expression, both arms of ?: */
	int bu = block_of_call(&p.fn, "u");
	assert_true(bu >= 0);
	release(&p);
}

static void macro_with_rule_is_a_call(void **state)
{
	(void)state;
	struct parsed p;
	parse(&p,
	      "struct page { unsigned long flags; }; extern struct page *base;\n"
	      "#define pfn_to_page(pfn) (base + (pfn))\n"
	      "unsigned long f(unsigned long pfn) { return pfn_to_page(pfn + 1)->flags; }",
	      "- name: pfn_to_page\n  result: {source: 0}\n", "f");
	int b = block_of_call(&p.fn, "pfn_to_page");
	assert_true(b >= 0);
	const struct pl_call *c = NULL;
	for (size_t i = 0; i < p.fn.ncalls; i++)
		if (!strcmp(p.fn.calls[i].name, "pfn_to_page"))
			c = &p.fn.calls[i];
	assert_non_null(c);
	assert_true(c->is_macro);
	assert_int_equal(c->nargs, 1);
	/* the argument found is what was written: pfn + 1 */
	assert_int_equal(clang_getCursorKind(cursor_strip(c->args[0])), CXCursor_BinaryOperator);
	/* and the ->flags is a deref of that page */
	int derefs = 0;
	for (size_t i = 0; i < p.fn.nev; i++)
		derefs += p.fn.ev[i].kind == EV_DEREF;
	assert_int_equal(derefs, 1);
	release(&p);
}

/* A mode tested once at the top is not live after the test; a flag tested
 * at the end is live from its assignment to the test. */
static void liveness_of_tested_variables(void **state)
{
	(void)state;
	struct parsed p;
	parse(&p,
	      "void a(void); void b(void); void c(void);\n"
	      "void f(int mode, int x) {\n"
	      "  int flag = 0;\n"
	      "  if (mode == 2) a();\n"
	      "  b();\n"
	      "  if (x) flag = 1;\n"
	      "  c();\n"
	      "  if (flag) a();\n"
	      "}\n",
	      NULL, "f");
	struct pl_live live;
	assert_int_equal(key_liveness(&p.fn, 0, &live), 0);
	int mode = slot_named(&p.fn, "mode"), flag = slot_named(&p.fn, "flag");
	assert_true(mode >= 0 && flag >= 0);
	int bb = block_of_call(&p.fn, "b"), bc = block_of_call(&p.fn, "c");
	assert_true(bb >= 0 && bc >= 0);
	assert_true(live_has(&live, p.fn.entry, mode));
	assert_false(live_has(&live, bb, mode)); /* tested only above */
	assert_true(live_has(&live, bc, flag));  /* tested below */
	live_free(&live);
	/* a limit the sets pass: no sets */
	assert_int_equal(key_liveness(&p.fn, 1, &live), -1);
	release(&p);
}

/* for (i = 0; i < 1U << n; i++): no edge from the entry to the exit. */
static void for_loop_that_runs_at_least_once(void **state)
{
	(void)state;
	struct parsed p;
	parse(&p,
	      "void body(void); void after(void);\n"
	      "void f(unsigned n, unsigned m) {\n"
	      "  for (unsigned i = 0; i < (1U << n); i++) body();\n"
	      "  after();\n"
	      "  for (unsigned j = 0; j < m; j++) body();\n"
	      "}\n",
	      NULL, "f");
	int after = block_of_call(&p.fn, "after"), body = block_of_call(&p.fn, "body");
	assert_true(after >= 0 && body >= 0);
	/* every path from the entry to after() runs the body */
	assert_false(reaches1(&p.fn, p.fn.entry, after, body));
	release(&p);
}

static void generic_selection_lowers_one_branch(void **state)
{
	(void)state;
	struct parsed p;
	parse(&p, DECLS "int f(int x) { return _Generic(x, int: t(), long: u()); }", NULL, "f");
	assert_true(block_of_call(&p.fn, "t") >= 0);
	assert_int_equal(block_of_call(&p.fn, "u"), -1);
	release(&p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(if_else_branches),
		cmocka_unit_test(while_loop_has_back_edge),
		cmocka_unit_test(for_without_condition_loops_forever),
		cmocka_unit_test(for_with_all_clauses),
		cmocka_unit_test(continue_goes_to_increment),
		cmocka_unit_test(do_while_zero_runs_once),
		cmocka_unit_test(switch_fallthrough_and_default),
		cmocka_unit_test(goto_error_ladder),
		cmocka_unit_test(backward_goto_makes_a_loop),
		cmocka_unit_test(short_circuit_and_or),
		cmocka_unit_test(early_return_leaves_dead_code),
		cmocka_unit_test(statement_expression_and_conditional),
		cmocka_unit_test(macro_with_rule_is_a_call),
		cmocka_unit_test(generic_selection_lowers_one_branch),
		cmocka_unit_test(liveness_of_tested_variables),
		cmocka_unit_test(for_loop_that_runs_at_least_once),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
