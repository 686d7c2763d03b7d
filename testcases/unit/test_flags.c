/* Compiler flags: GCC-only and output flags dropped, the rest kept. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "flags.h"

static int has(const struct argv_list *a, const char *s)
{
	for (size_t i = 0; i < a->n; i++)
		if (!strcmp(a->v[i], s))
			return 1;
	return 0;
}

static void drops_gcc_and_sparse_flags(void **state)
{
	(void)state;
	char *in[] = { "-D__linux__", "-Wbitwise", "--arch=x86", "-mlittle-endian", "-m64", "-Wp,-MMD,foo/.x.o.d",
		       "-nostdinc", "-I./include", "-include", "./include/linux/kconfig.h", "-fconserve-stack",
		       "-mindirect-branch=thunk-extern", "-mrecord-mcount", "--param=allow-store-data-races=0",
		       "-c", "-o", "mm/x.o", "-O2", "-DKBUILD_MODNAME=\"x\"" };
	struct argv_list out = { 0 };
	flags_filter(in, sizeof(in) / sizeof(in[0]), &out);
	assert_true(has(&out, "-D__linux__"));
	assert_true(has(&out, "-m64"));
	assert_true(has(&out, "-nostdinc"));
	assert_true(has(&out, "-I./include"));
	assert_true(has(&out, "-include"));
	assert_true(has(&out, "./include/linux/kconfig.h"));
	assert_true(has(&out, "-O2"));
	assert_true(has(&out, "-DKBUILD_MODNAME=\"x\""));
	assert_false(has(&out, "-Wbitwise"));
	assert_false(has(&out, "--arch=x86"));
	assert_false(has(&out, "-mlittle-endian"));
	assert_false(has(&out, "-Wp,-MMD,foo/.x.o.d"));
	assert_false(has(&out, "-fconserve-stack"));
	assert_false(has(&out, "-mindirect-branch=thunk-extern"));
	assert_false(has(&out, "-mrecord-mcount"));
	assert_false(has(&out, "--param=allow-store-data-races=0"));
	assert_false(has(&out, "-c"));
	assert_false(has(&out, "-o"));
	assert_false(has(&out, "mm/x.o"));
	assert_true(has(&out, "-w"));
	argv_free(&out);
}

/* The flags of a GCC-built Linux 6.1 x86_64 TU (scripts/prepare-kernel --gcc,
 * mm/backing-dev.c) that clang 19 rejects as unknown arguments: all dropped.
 * The x86 code-model flags clang accepts, and that set predefined macros,
 * are kept. */
static void drops_gcc_kernel_tree_flags(void **state)
{
	(void)state;
	char *rejected[] = { "-mpreferred-stack-boundary=3", "-mindirect-branch=thunk-extern",
			     "-mindirect-branch-register", "-mindirect-branch-cs-prefix",
			     "-fno-allow-store-data-races", "-fconserve-stack", "-mskip-rax-setup",
			     "-Wno-alloc-size-larger-than", "-Wimplicit-fallthrough=5", "-Werror=designated-init",
			     "-Wno-packed-not-aligned" };
	char *kept[] = { "-mno-80387", "-mno-fp-ret-in-387", "-mtune=generic", "-mcmodel=kernel",
			 "-mno-red-zone", "-fno-stack-check", "-fno-builtin-wcslen", "-std=gnu11" };
	size_t nr = sizeof(rejected) / sizeof(rejected[0]), nk = sizeof(kept) / sizeof(kept[0]);
	char *in[sizeof(rejected) / sizeof(rejected[0]) + sizeof(kept) / sizeof(kept[0])];
	memcpy(in, rejected, sizeof(rejected));
	memcpy(in + nr, kept, sizeof(kept));
	struct argv_list out = { 0 };
	flags_filter(in, nr + nk, &out);
	for (size_t i = 0; i < nr; i++)
		assert_false(has(&out, rejected[i]));
	for (size_t i = 0; i < nk; i++)
		assert_true(has(&out, kept[i]));
	argv_free(&out);
}

static void shell_split_quotes(void **state)
{
	(void)state;
	struct argv_list a = { 0 };
	assert_int_equal(shell_split("gcc -DX='\"a b\"' -I\"dir with space\" a\\ b.c  -c", &a), 0);
	assert_int_equal(a.n, 5);
	assert_string_equal(a.v[1], "-DX=\"a b\"");
	assert_string_equal(a.v[2], "-Idir with space");
	assert_string_equal(a.v[3], "a b.c");
	argv_free(&a);
	assert_int_equal(shell_split("gcc 'unterminated", &a), -1);
	argv_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(drops_gcc_and_sparse_flags),
		cmocka_unit_test(drops_gcc_kernel_tree_flags),
		cmocka_unit_test(shell_split_quotes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
