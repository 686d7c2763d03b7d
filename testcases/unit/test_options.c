/* The command line: pagelife options, files, and compiler flags that kbuild
 * passes without "--". */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "options.h"

static int parse(struct pl_options *o, char **argv, char *err)
{
	int argc = 0;
	while (argv[argc])
		argc++;
	return options_parse(o, argc, argv, err, 512);
}

static void kbuild_style_flags_are_compiler_flags(void **state)
{
	(void)state;
	/* -pg and -pipe (CONFIG_FUNCTION_TRACER builds) once parsed as -p g */
	char *argv[] = { "pagelife", "-D__linux__", "-Wbitwise", "--arch=x86", "-pg", "-pipe", "-nostdinc",
			 "-include", "./include/linux/kconfig.h", "-DKBUILD_MODNAME=\"x\"", "mm/x.c", NULL };
	struct pl_options o;
	char err[512] = "";
	assert_int_equal(parse(&o, argv, err), 0);
	assert_null(o.compdb_dir);
	assert_int_equal(o.nfiles, 1);
	assert_string_equal(o.files[0], "mm/x.c");
	assert_true(o.sparse_style);
	assert_int_equal(o.ncflags, 9);
	assert_string_equal(o.cflags[4], "-pipe");
	assert_string_equal(o.cflags[7], "./include/linux/kconfig.h");
	options_free(&o);
}

static void compile_database_and_jobs(void **state)
{
	(void)state;
	char *argv[] = { "pagelife", "-p", "build", "-j", "3", "--policy=strict", "a.c", NULL };
	struct pl_options o;
	char err[512] = "";
	assert_int_equal(parse(&o, argv, err), 0);
	assert_string_equal(o.compdb_dir, "build");
	assert_int_equal(o.jobs, 3);
	assert_int_equal(o.policy, PAGELIFE_POLICY_STRICT);
	options_free(&o);
	char *argv2[] = { "pagelife", "-pbuild", "-j2", NULL };
	assert_int_equal(parse(&o, argv2, err), 0);
	assert_string_equal(o.compdb_dir, "build");
	assert_int_equal(o.jobs, 2);
	options_free(&o);
}

static void unknown_options_are_errors(void **state)
{
	(void)state;
	struct pl_options o;
	char err[512] = "";
	char *argv[] = { "pagelife", "--polcy=strict", "a.c", NULL };
	assert_int_equal(parse(&o, argv, err), -1);
	assert_non_null(strstr(err, "--polcy=strict"));
	options_free(&o);
	char *argv2[] = { "pagelife", "--policy=lenient", "a.c", NULL };
	assert_int_equal(parse(&o, argv2, err), -1);
	assert_non_null(strstr(err, "lenient"));
	options_free(&o);
	char *argv3[] = { "pagelife", "-j", "zero", NULL };
	assert_int_equal(parse(&o, argv3, err), -1);
	options_free(&o);
}

static void checks_globs(void **state)
{
	(void)state;
	struct pl_options o;
	char err[512] = "";
	char *argv[] = { "pagelife", "--checks=-*,page-rcu-escape", "a.c", NULL };
	assert_int_equal(parse(&o, argv, err), 0);
	for (size_t i = 0; i < pagelife_check_count(); i++)
		assert_int_equal(o.enabled[i], !strcmp(pagelife_check_id(i), "page-rcu-escape"));
	options_free(&o);
	char *argv2[] = { "pagelife", "--checks=-page-nosuch", "a.c", NULL };
	assert_int_equal(parse(&o, argv2, err), -1);
	assert_non_null(strstr(err, "page-nosuch"));
	options_free(&o);
}

static void flags_after_double_dash(void **state)
{
	(void)state;
	struct pl_options o;
	char err[512] = "";
	char *argv[] = { "pagelife", "a.c", "--", "-p", "--weird", NULL };
	assert_int_equal(parse(&o, argv, err), 0);
	assert_null(o.compdb_dir);
	assert_int_equal(o.ncflags, 2);
	assert_false(o.sparse_style);
	options_free(&o);
}

int main(void)
{
	unsetenv("KBUILD_CHECKSRC");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(kbuild_style_flags_are_compiler_flags),
		cmocka_unit_test(compile_database_and_jobs),
		cmocka_unit_test(unknown_options_are_errors),
		cmocka_unit_test(checks_globs),
		cmocka_unit_test(flags_after_double_dash),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
