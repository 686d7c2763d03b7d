/* The prefilter's name set: header definitions scanned as text, and the
 * fixpoint that makes every macro or inline reaching a rule's name hot. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "hotnames.h"

static struct hot_names *close_over(const char *header, const char *const *seeds, size_t n)
{
	struct hot_defs d = { 0 };
	hot_scan(header, strlen(header), &d);
	struct hot_names *h = hot_names_new(seeds, n);
	hot_close(h, &d);
	hot_defs_free(&d);
	return h;
}

static void transitive_macros_and_inlines(void **state)
{
	(void)state;
	/* pfn_to_page <- macro a <- inline b <- macro c; d and e stay cold */
	const char *hdr = "#define a(pfn) pfn_to_page(pfn)\n"
			  "static inline struct page *b(unsigned long x)\n{\n\treturn a(x + 1);\n}\n"
			  "#define c(x) \\\n\tdo { b(x); } while (0)\n"
			  "static inline int d(int x) { return x * 2; }\n"
			  "#define e(page) page\n";
	const char *seeds[] = { "pfn_to_page" };
	struct hot_names *h = close_over(hdr, seeds, 1);
	assert_true(hot_name_is_hot(h, "pfn_to_page"));
	assert_true(hot_name_is_hot(h, "a"));
	assert_true(hot_name_is_hot(h, "b"));
	assert_true(hot_name_is_hot(h, "c"));
	assert_false(hot_name_is_hot(h, "d"));
	assert_false(hot_name_is_hot(h, "e"));
	hot_names_free(h);
}

static void order_does_not_matter(void **state)
{
	(void)state;
	/* the user comes before the definition it reaches */
	const char *hdr = "static inline void z(void) { y(); }\n#define y() x()\n#define x() put_page(p)\n";
	const char *seeds[] = { "put_page" };
	struct hot_names *h = close_over(hdr, seeds, 1);
	assert_true(hot_name_is_hot(h, "z"));
	assert_true(hot_name_is_hot(h, "y"));
	hot_names_free(h);
}

static void comments_strings_params_and_keywords_are_not_uses(void **state)
{
	(void)state;
	const char *hdr = "static inline int f(void) { /* put_page() */ return g(\"put_page\"); }\n"
			  "#define m(put_page) put_page(0)\n"
			  "static inline int k(int x) { if (x) return put_page(x); return 0; }\n";
	const char *seeds[] = { "put_page" };
	struct hot_names *h = close_over(hdr, seeds, 1);
	assert_false(hot_name_is_hot(h, "f"));
	assert_false(hot_name_is_hot(h, "m"));
	assert_true(hot_name_is_hot(h, "k"));
	assert_false(hot_name_is_hot(h, "if"));
	assert_false(hot_name_is_hot(h, "return"));
	hot_names_free(h);
}

static void pasted_names_and_globs(void **state)
{
	(void)state;
	/* a generator macro: its pasted names become globs when it is hot */
	const char *hdr = "#define FOLIO_TEST(name) \\\n"
			  "static inline bool folio_test_##name(struct folio *f) { return pfn_folio(f->x); }\n"
			  "static inline void user(struct folio *f) { folio_test_dirty(f); }\n"
			  "#define PASTE(a, b) a##b\n";
	const char *seeds[] = { "pfn_folio", "unpin_user_page*" };
	struct hot_names *h = close_over(hdr, seeds, 2);
	assert_true(hot_name_is_hot(h, "folio_test_locked"));
	assert_true(hot_name_is_hot(h, "user"));
	assert_true(hot_name_is_hot(h, "unpin_user_pages_dirty_lock"));
	assert_false(hot_name_is_hot(h, "PASTE"));
	assert_false(hot_name_is_hot(h, "anything"));
	hot_names_free(h);
}

static void text_mentions_and_dump_roundtrip(void **state)
{
	(void)state;
	const char *seeds[] = { "pfn_to_page", "unpin_user_page*" };
	struct hot_names *h = hot_names_new(seeds, 2);
	const char *yes = "int f(void) { return !!pfn_to_page(1); }";
	const char *glob = "void g(struct page **p) { unpin_user_pages(p, 2); }";
	const char *no = "int f(void) { /* pfn_to_page */ return my_pfn_to_page_x(1); }";
	assert_true(hot_text_mentions(h, yes, strlen(yes)));
	assert_true(hot_text_mentions(h, glob, strlen(glob)));
	assert_false(hot_text_mentions(h, no, strlen(no)));
	char *dump = hot_names_dump(h);
	struct hot_names *back = hot_names_load(dump);
	assert_int_equal(hot_names_count(back), 2);
	assert_true(hot_text_mentions(back, glob, strlen(glob)));
	assert_false(hot_text_mentions(back, no, strlen(no)));
	free(dump);
	hot_names_free(back);
	hot_names_free(h);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(transitive_macros_and_inlines),
		cmocka_unit_test(order_does_not_matter),
		cmocka_unit_test(comments_strings_params_and_keywords_are_not_uses),
		cmocka_unit_test(pasted_names_and_globs),
		cmocka_unit_test(text_mentions_and_dump_roundtrip),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
