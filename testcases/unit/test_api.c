/* The public header alone (pagelife.h): sessions, errors as values,
 * analysis of files and unsaved buffers, TUs kept parsed between edits,
 * compile databases.  Links libpagelife without its insides. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pagelife.h"

static char *src_path(const char *rel)
{
	const char *root = getenv("PAGELIFE_SOURCE_DIR");
	assert_non_null(root);
	char *p = malloc(strlen(root) + strlen(rel) + 2);
	sprintf(p, "%s/%s", root, rel);
	return p;
}

static struct pagelife_session *open_default(void)
{
	char *rules = src_path("rules");
	struct pagelife_config cfg = { .rules_dir = rules, .policy = PAGELIFE_POLICY_MAINLINE };
	struct pagelife_session *s = NULL;
	char *err = NULL;
	assert_int_equal(pagelife_session_open(&cfg, &s, &err), 0);
	assert_null(err);
	assert_non_null(s);
	free(rules);
	return s;
}

static const char *include_args[2];
static char *include_flag;

static void errors_are_values(void **state)
{
	(void)state;
	struct pagelife_config cfg = { .rules_dir = "/nonexistent-rules-dir" };
	struct pagelife_session *s = (void *)1;
	char *err = NULL;
	assert_int_equal(pagelife_session_open(&cfg, &s, &err), -1);
	assert_null(s);
	assert_non_null(strstr(err, "/nonexistent-rules-dir"));
	free(err);

	char *rules = src_path("rules");
	struct pagelife_config bad_checks = { .rules_dir = rules, .checks = "no-such-check" };
	assert_int_equal(pagelife_session_open(&bad_checks, &s, &err), -1);
	assert_non_null(strstr(err, "no-such-check"));
	free(err);
	free(rules);
}

static void checks_catalogue(void **state)
{
	(void)state;
	size_t n = pagelife_check_count();
	assert_int_equal(n, 8);
	unsigned char *on = malloc(n);
	memset(on, 1, n);
	char *err = NULL;
	assert_int_equal(pagelife_select_checks("-*,page-rcu-escape", on, &err), 0);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(on[i], !strcmp(pagelife_check_id(i), "page-rcu-escape"));
	assert_non_null(pagelife_check_summary(0));
	assert_null(pagelife_check_id(n));
	free(on);
}

static void analyse_a_file(void **state)
{
	(void)state;
	struct pagelife_session *s = open_default();
	char *file = src_path("docs/examples/crashdump_walk.c");
	struct pagelife_result r;
	assert_int_equal(pagelife_analyse(s, file, include_args, 2, NULL, 0, &r), 0);
	assert_null(r.error);
	assert_int_equal(r.nfindings, 1);
	const struct pagelife_finding *f = &r.findings[0];
	assert_string_equal(f->check, "page-unguarded-deref");
	assert_string_equal(f->function, "dump_one_pte");
	assert_int_equal(f->loc.line, 18);
	assert_string_equal(f->loc.file, file);
	assert_true(f->nnotes >= 1);
	assert_non_null(strstr(f->notes[0].text, "pte_page()"));
	assert_true(r.functions >= 1);
	assert_true(r.nincludes >= 1); /* linux/mm.h at least */
	pagelife_result_free(&r);
	free(file);
	pagelife_session_close(s);
}

static void missing_file_is_fatal(void **state)
{
	(void)state;
	struct pagelife_session *s = open_default();
	struct pagelife_result r;
	assert_int_equal(pagelife_analyse(s, "/nonexistent.c", include_args, 2, NULL, 0, &r), -1);
	assert_true(r.fatal);
	assert_non_null(strstr(r.error, "cannot open"));
	pagelife_result_free(&r);
	pagelife_session_close(s);
}

static const char unsafe_text[] = "#include <linux/mm.h>\n#include <linux/memory_hotplug.h>\n"
				  "int f(unsigned long pfn)\n"
				  "{\n"
				  "\tstruct page *page = pfn_to_page(pfn);\n"
				  "\treturn PageReserved(page);\n"
				  "}\n";
static const char safe_text[] = "#include <linux/mm.h>\n#include <linux/memory_hotplug.h>\n"
				"int f(unsigned long pfn)\n"
				"{\n"
				"\tstruct page *page = pfn_to_online_page(pfn);\n"
				"\treturn page && PageReserved(page);\n"
				"}\n";

/* An editor's buffer is analysed as it is, not the file on disk. */
static void unsaved_buffers_and_reparse(void **state)
{
	(void)state;
	struct pagelife_session *s = open_default();
	char *file = src_path("testcases/unit/no-such-file-edited.c");
	struct pagelife_unsaved u = { file, unsafe_text, sizeof(unsafe_text) - 1 };
	struct pagelife_result r;
	assert_int_equal(pagelife_analyse(s, file, include_args, 2, &u, 1, &r), 0);
	assert_int_equal(r.nfindings, 1);
	assert_int_equal(r.findings[0].loc.line, 6);
	pagelife_result_free(&r);

	struct pagelife_tu *tu = pagelife_tu_open(s, file, include_args, 2);
	for (int round = 0; round < 3; round++) { /* parse, then reparses */
		u.contents = round == 1 ? safe_text : unsafe_text;
		u.length = strlen(u.contents);
		assert_int_equal(pagelife_tu_analyse(tu, &u, 1, &r), 0);
		if (r.error)
			fail_msg("round %d: %s", round, r.error);
		assert_int_equal(r.nfindings, round == 1 ? 0 : 1);
		pagelife_result_free(&r);
	}
	pagelife_tu_close(tu);
	free(file);
	pagelife_session_close(s);
}

static const char netmem_text[] = "#include <linux/mm.h>\n#include <linux/highmem.h>\n#include <linux/skbuff.h>\n"
				  "void *first_frag(const struct sk_buff *skb)\n"
				  "{\n"
				  "\tstruct page *page = skb_frag_page(&skb_shinfo(skb)->frags[0]);\n"
				  "\treturn kmap_local_page(page);\n"
				  "}\n";

/* A check that requires an API (page-netmem-mm: net_iov) keeps finding on
 * re-checks, although a reparse with the preamble walks only the main
 * file's declarations and the API is declared in a header.  Each round
 * edits the body, as an editor does. */
static void reparse_keeps_api_presence(void **state)
{
	(void)state;
	struct pagelife_session *s = open_default();
	/* On disk, as an editor's file is: libclang rebuilds the preamble of a
	 * main file that exists only as a buffer at every reparse. */
	char file[] = "/tmp/pagelife-api-netmem-XXXXXX.c";
	int fd = mkstemps(file, 2);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, netmem_text, sizeof(netmem_text) - 1), (ssize_t)sizeof(netmem_text) - 1);
	close(fd);
	struct pagelife_tu *tu = pagelife_tu_open(s, file, include_args, 2);
	char text[sizeof(netmem_text) + 64];
	for (int round = 0; round < 3; round++) {
		snprintf(text, sizeof(text), "%s/* edit %d */\n", netmem_text, round);
		struct pagelife_unsaved u = { file, text, strlen(text) };
		struct pagelife_result r;
		assert_int_equal(pagelife_tu_analyse(tu, &u, 1, &r), 0);
		if (r.error)
			fail_msg("round %d: %s", round, r.error);
		if (r.nfindings != 1 || strcmp(r.findings[0].check, "page-netmem-mm"))
			fail_msg("round %d: %zu findings, want one page-netmem-mm", round, r.nfindings);
		pagelife_result_free(&r);
	}
	pagelife_tu_close(tu);
	unlink(file);
	pagelife_session_close(s);
}

static void compile_database(void **state)
{
	(void)state;
	char dir[] = "/tmp/pagelife-api-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char path[512];
	snprintf(path, sizeof(path), "%s/compile_commands.json", dir);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fprintf(f, "[{\"directory\": \"%s\", \"file\": \"a.c\", \"arguments\": [\"gcc\", \"-c\", \"-Iinc\", "
		   "\"-fconserve-stack\", \"a.c\", \"-o\", \"a.o\"]}]\n", dir);
	fclose(f);
	struct pagelife_commands c;
	char *err = NULL;
	assert_int_equal(pagelife_compile_commands_load(dir, NULL, 0, &c, &err), 0);
	assert_int_equal(c.n, 1);
	int has_inc = 0, has_src = 0;
	for (size_t i = 0; i < c.v[0].nargs; i++) {
		has_inc |= !strcmp(c.v[0].args[i], "-Iinc");
		has_src |= !strcmp(c.v[0].args[i], "a.c");
	}
	assert_true(has_inc);
	assert_false(has_src);
	pagelife_commands_free(&c);
	const char *wanted[] = { "missing.c" };
	assert_int_equal(pagelife_compile_commands_load(dir, wanted, 1, &c, &err), -1);
	assert_non_null(strstr(err, "missing.c"));
	free(err);
	unlink(path);
	rmdir(dir);
}

int main(void)
{
	include_flag = src_path("testcases/include");
	include_args[0] = "-nostdinc";
	char *flag = malloc(strlen(include_flag) + 3);
	sprintf(flag, "-I%s", include_flag);
	include_args[1] = flag;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(errors_are_values),
		cmocka_unit_test(checks_catalogue),
		cmocka_unit_test(analyse_a_file),
		cmocka_unit_test(missing_file_is_fatal),
		cmocka_unit_test(unsaved_buffers_and_reparse),
		cmocka_unit_test(reparse_keeps_api_presence),
		cmocka_unit_test(compile_database),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	free(flag);
	free(include_flag);
	return rc;
}
