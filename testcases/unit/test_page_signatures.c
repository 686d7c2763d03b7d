/* The summary pass's filter: which file texts define a non-static function
 * with pages in its signature (kernel style, body brace in column 0). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "page_signatures.h"

static int defines(const char *text)
{
	return text_defines_page_function(text, strlen(text));
}

static void page_functions_found(void **state)
{
	(void)state;
	assert_true(defines("void f(struct page *p)\n{\n\treturn;\n}\n"));
	assert_true(defines("struct folio *g(void)\n{\n}\n"));
	assert_true(defines("int h(struct\n\tpage **pages,\n\tint n)\n{\n}\n"));
	assert_true(defines("pgtable_t pte_alloc_one(struct mm_struct *mm)\n{\n}\n"));
	/* after a static prototype, a comment saying static, a macro, a body */
	assert_true(defines("static void helper(struct page *page,\n\t\tint x);\n"
			    "/* not static: exported */\n"
			    "#define X(a) \\\n\tstatic int a(void)\n"
			    "static int other(void)\n{\n\tint static_x;\nout:\n\treturn 0;\n}\n"
			    "EXPORT_SYMBOL(other);\n"
			    "int __init exported(struct page *p)\n{\n}\n"));
}

static void others_not_found(void **state)
{
	(void)state;
	assert_false(defines(""));
	assert_false(defines("static void f(struct page *p)\n{\n}\n"));
	assert_false(defines("static inline\nstruct folio *g(void)\n{\n}\n"));
	assert_false(defines("int count(unsigned long pfn)\n{\n\tstruct page *p = pfn_to_page(pfn);\n}\n"));
	assert_false(defines("extern void put(struct page *p);\nstruct page_ext *e;\n"
			     "struct pagevec pv;\nint f(struct folio_batch *fb)\n{\n}\n"));
	assert_false(defines("/* int f(struct page *p)\n{ */\nconst char *s = \"struct page\";\n"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(page_functions_found),
		cmocka_unit_test(others_not_found),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
