/* The summary pass's page-type filter: which file texts can define a
 * function with pages in its signature. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "page_signatures.h"

static int names(const char *text)
{
	return text_names_page_type(text, strlen(text));
}

static void page_types_found(void **state)
{
	(void)state;
	assert_true(names("void f(struct page *p);"));
	assert_true(names("struct folio *g(void)"));
	assert_true(names("int h(struct\n\tpage **pages, int n)"));
	assert_true(names("pgtable_t pte_alloc_one(struct mm_struct *mm)"));
	assert_true(names("struct page")); /* at the very end */
}

static void other_words_not_found(void **state)
{
	(void)state;
	assert_false(names(""));
	assert_false(names("struct pagevec pvec; struct folio_batch fb;"));
	assert_false(names("struct page_ext *e; mystruct page; struct_page x;"));
	assert_false(names("unsigned long pfn = page_to_pfn(p); pgtable_t_x y;"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(page_types_found),
		cmocka_unit_test(other_words_not_found),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
