/* Suppressions and fingerprints through the library API, as the language
 * server uses it: the text comes from an unsaved buffer, not the disk. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "fingerprint.h"
#include "pagelife.h"

#define BODY                                                                                                          \
	"#include <linux/mm.h>\n"                                                                                     \
	"int f(unsigned long pfn)\n"                                                                                  \
	"{\n"                                                                                                         \
	"\tstruct page *page = pfn_to_page(pfn);\n"                                                                   \
	"\treturn PageReserved(page);%s\n"                                                                            \
	"}\n"

struct fixture {
	struct pagelife_session *s;
	char *include;
};

static int setup(void **state)
{
	static struct fixture fx;
	const char *src = getenv("PAGELIFE_SOURCE_DIR");
	assert_non_null(src);
	char *rules = NULL;
	assert_true(asprintf(&rules, "%s/rules", src) > 0);
	assert_true(asprintf(&fx.include, "-I%s/testcases/include", src) > 0);
	struct pagelife_config cfg = { .rules_dir = rules, .warn_unused_suppressions = 1 };
	char *err = NULL;
	assert_int_equal(pagelife_session_open(&cfg, &fx.s, &err), 0);
	free(rules);
	*state = &fx;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *fx = *state;
	pagelife_session_close(fx->s);
	free(fx->include);
	return 0;
}

/* Analyse BODY with trailer after the use, from an unsaved buffer. */
static void analyse(struct fixture *fx, const char *trailer, struct pagelife_result *r)
{
	char *text = NULL;
	assert_true(asprintf(&text, BODY, trailer) > 0);
	struct pagelife_unsaved u = { "unsaved-buffer.c", text, (unsigned long)strlen(text) };
	const char *args[] = { "-nostdinc", fx->include };
	assert_int_equal(pagelife_analyse(fx->s, "unsaved-buffer.c", args, 2, &u, 1, r), 0);
	free(text);
}

static void test_buffer_nolint_silences(void **state)
{
	struct pagelife_result r;
	analyse(*state, "", &r);
	assert_int_equal(r.nfindings, 1);
	assert_string_equal(r.findings[0].check, "page-unguarded-deref");
	pagelife_result_free(&r);
	analyse(*state, " /* NOLINT(page-unguarded-deref) */", &r);
	assert_int_equal(r.nfindings, 0);
	pagelife_result_free(&r);
}

static void test_buffer_unused_suppression(void **state)
{
	struct pagelife_result r;
	analyse(*state, " // NOLINT(page-ref-leak)", &r);
	assert_int_equal(r.nfindings, 2);
	assert_string_equal(r.findings[0].check, "page-unguarded-deref");
	assert_string_equal(r.findings[1].check, PAGELIFE_UNUSED_SUPPRESSION);
	assert_int_equal(r.findings[1].loc.line, 5);
	assert_non_null(r.findings[1].fingerprint);
	pagelife_result_free(&r);
}

static void test_fingerprint_ignores_comments(void **state)
{
	struct pagelife_result a, b;
	analyse(*state, "", &a);
	analyse(*state, " /* a comment is not the statement */", &b);
	assert_int_equal(a.nfindings, 1);
	assert_int_equal(b.nfindings, 1);
	assert_non_null(a.findings[0].fingerprint);
	assert_string_equal(a.findings[0].fingerprint, b.findings[0].fingerprint);
	pagelife_result_free(&a);
	pagelife_result_free(&b);
}

static void test_fingerprint_path(void **state)
{
	(void)state;
	char *p = fingerprint_path("/src/linux/mm/gup.c", "/src/linux");
	assert_string_equal(p, "mm/gup.c");
	free(p);
	p = fingerprint_path("/src/linux/mm/gup.c", "/src/linux/");
	assert_string_equal(p, "mm/gup.c");
	free(p);
	p = fingerprint_path("/src/linuxfoo/mm/gup.c", "/src/linux");
	assert_string_equal(p, "/src/linuxfoo/mm/gup.c");
	free(p);
	p = fingerprint_path("./mm/gup.c", "/anywhere");
	assert_string_equal(p, "mm/gup.c");
	free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_buffer_nolint_silences),
		cmocka_unit_test(test_buffer_unused_suppression),
		cmocka_unit_test(test_fingerprint_ignores_comments),
		cmocka_unit_test(test_fingerprint_path),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
