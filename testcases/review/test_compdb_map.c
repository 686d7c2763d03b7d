/* Unit tests of review's path handling: lexical normalisation, "under the
 * root", and the compile database mapped onto a checkout (the checkout's
 * file first, the original tree as the fallback for untracked headers). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "compdb_map.h"
#include "tree_paths.h"
#include "util.h"

static void test_normalise(void **state)
{
	(void)state;
	char *p = path_join_normal("/k", "./include/../mm/./x.c");
	assert_string_equal(p, "/k/mm/x.c");
	free(p);
	p = path_join_normal("/k", "/abs//a/b/..");
	assert_string_equal(p, "/abs/a");
	free(p);
	p = path_join_normal(NULL, "rel/./x");
	assert_string_equal(p, "rel/x");
	free(p);
}

static void test_under(void **state)
{
	(void)state;
	assert_string_equal(path_under("/k/mm/x.c", "/k"), "mm/x.c");
	assert_string_equal(path_under("/k/mm/x.c", "/k/"), "mm/x.c");
	assert_null(path_under("/kk/mm/x.c", "/k"));
	assert_null(path_under("/k", "/k"));
}

static void mkdirs(const char *base, const char *rel)
{
	char *p = xasprintf("%s/%s", base, rel);
	for (char *s = p + strlen(base) + 1; *s; s++)
		if (*s == '/') {
			*s = 0;
			mkdir(p, 0755);
			*s = '/';
		}
	mkdir(p, 0755);
	free(p);
}

static void touch(const char *base, const char *rel)
{
	char *p = xasprintf("%s/%s", base, rel);
	FILE *f = fopen(p, "w");
	assert_non_null(f);
	fclose(f);
	free(p);
}

static void test_map(void **state)
{
	(void)state;
	char tmpl[] = "/tmp/unit-review-XXXXXX";
	assert_non_null(mkdtemp(tmpl));
	char *root = xasprintf("%s/root", tmpl), *co = xasprintf("%s/co", tmpl);
	mkdirs(tmpl, "root/include/generated");
	mkdirs(tmpl, "root/mm");
	mkdirs(tmpl, "co/include");
	mkdirs(tmpl, "co/mm");
	touch(tmpl, "root/include/kconfig.h");
	touch(tmpl, "co/include/kconfig.h");
	touch(tmpl, "root/include/generated/autoconf.h");

	char *args[] = { "-I./include", "-I", "include/generated", "-include", "./include/kconfig.h",
			 "-include", "include/generated/autoconf.h", "-isystem", "/usr/include", "-DX=1",
			 "-working-directory", root };
	struct pagelife_command cmd = { "mm/x.c", root, args, sizeof(args) / sizeof(args[0]) };
	char *file, **out;
	size_t n;
	compdb_map(&cmd, root, co, &file, &out, &n);

	char *want_file = xasprintf("%s/mm/x.c", co);
	assert_string_equal(file, want_file);
	/* an include directory the checkout has: first there, then the tree's */
	const char *want[] = { "-I", "co/include", "-I", "root/include",
			       /* one it lacks (generated): the tree's only */
			       "-I", "root/include/generated",
			       /* a forced include the checkout has, one it lacks */
			       "-include", "co/include/kconfig.h", "-include", "root/include/generated/autoconf.h",
			       /* outside the root: untouched */
			       "-isystem", "/usr/include", "-DX=1", "-working-directory", "co" };
	assert_int_equal(n, sizeof(want) / sizeof(want[0]));
	for (size_t i = 0; i < n; i++) {
		if (want[i][0] == '-' || want[i][0] == '/') {
			assert_string_equal(out[i], want[i]);
		} else {
			char *w = xasprintf("%s/%s", tmpl, want[i]);
			assert_string_equal(out[i], w);
			free(w);
		}
	}
	free(want_file);
	free(file);
	pagelife_free_args(out, n);
	char *rm = xasprintf("rm -rf '%s'", tmpl);
	assert_int_equal(system(rm), 0);
	free(rm);
	free(root);
	free(co);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_normalise),
		cmocka_unit_test(test_under),
		cmocka_unit_test(test_map),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
