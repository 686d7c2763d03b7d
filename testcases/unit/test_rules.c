/* The rules loader: effects parsed, errors name file and line, overrides. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rule_text.h"
#include "rules.h"

static char tmp_path[64];

static const char *write_tmp(const char *text)
{
	strcpy(tmp_path, "/tmp/pagelife-rules-XXXXXX");
	int fd = mkstemp(tmp_path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	return tmp_path;
}

static int load(struct rules *r, const char *text, char *err, size_t errlen)
{
	const char *p = write_tmp(text);
	int ret = rules_load_path(r, p, err, errlen);
	unlink(p);
	rules_index(r);
	return ret;
}

static void parses_every_effect(void **state)
{
	(void)state;
	struct rules r = { 0 };
	char err[512] = "";
	int ret = load(&r,
		       "- name: pfn_to_online_page\n  result: {source: 0, level: online, nullable: true}\n"
		       "- names: [get_page_unless_zero, folio_try_get]\n  guard: {arg: 0, level: held, when: true}\n"
		       "- name: rcu_read_unlock\n  exit: rcu\n"
		       "- name: PageReserved\n  uses: [0]\n"
		       "- name: IS_ERR\n  error-pointer: 0\n",
		       err, sizeof(err));
	assert_int_equal(ret, 0);
	const struct rule *ru = rules_lookup(&r, "pfn_to_online_page");
	assert_non_null(ru);
	assert_int_equal(ru->result, RES_SOURCE);
	assert_int_equal(ru->result_level, L_ONLINE);
	assert_true(ru->result_nullable);
	ru = rules_lookup(&r, "folio_try_get");
	assert_non_null(ru);
	assert_int_equal(ru->guard_level, L_HELD);
	assert_int_equal(ru->guard_when, WHEN_TRUE);
	assert_int_equal(rules_lookup(&r, "rcu_read_unlock")->exit, SCOPE_RCU);
	assert_int_equal(rules_lookup(&r, "PageReserved")->nuses, 1);
	assert_int_equal(rules_lookup(&r, "IS_ERR")->err_arg, 0);
	assert_null(rules_lookup(&r, "no_such_function"));
	rules_free(&r);
}

static void globs_lose_to_exact_names(void **state)
{
	(void)state;
	struct rules r = { 0 };
	char err[512];
	assert_int_equal(load(&r, "- name: \"Page*\"\n  uses: 0\n- name: PageSpecial\n  uses: [0, 1]\n", err, sizeof(err)), 0);
	assert_int_equal(rules_lookup(&r, "PageLRU")->nuses, 1);
	assert_int_equal(rules_lookup(&r, "PageSpecial")->nuses, 2);
	assert_null(rules_lookup(&r, "SetPageLRU"));
	rules_free(&r);
}

static void expect_error(const char *text, int line, const char *what);

static void short_lived_structs_entry(void **state)
{
	(void)state;
	struct rules r = { 0 };
	char err[512];
	assert_int_equal(load(&r, "- short-lived-structs: [vm_fault, pagevec]\n  doc: x\n- name: f\n  uses: 0\n", err,
			      sizeof(err)),
			 0);
	assert_true(rules_short_lived_struct(&r, "vm_fault"));
	assert_false(rules_short_lived_struct(&r, "page"));
	assert_non_null(rules_lookup(&r, "f"));
	rules_free(&r);
	expect_error("- short-lived-structs: [a]\n  name: g\n", 1, "entry of its own");
}

static void callback_contracts_entry(void **state)
{
	(void)state;
	struct rules r = { 0 };
	char err[512];
	assert_int_equal(load(&r,
			      "- callbacks: [ops.one, ops.two]\n  caller-holds: 1\n"
			      "- callbacks: [aops.migrate]\n  caller-holds: [1, 2]\n"
			      "- callbacks: [ops.two]\n  caller-holds: 0\n",
			      err, sizeof(err)),
			 0);
	assert_int_equal(rules_callback_holds(&r, "ops.one"), 2u);
	assert_int_equal(rules_callback_holds(&r, "aops.migrate"), 6u);
	assert_int_equal(rules_callback_holds(&r, "ops.two"), 1u); /* the later entry wins */
	assert_int_equal(rules_callback_holds(&r, "ops.three"), 0u);
	rules_free(&r);
	assert_int_equal(load(&r, "- name: zone_of\n  uses: 0\n  position: true\n- name: flags_of\n  uses: 0\n", err,
			      sizeof(err)),
			 0);
	assert_true(rules_lookup(&r, "zone_of")->position_only);
	assert_false(rules_lookup(&r, "flags_of")->position_only);
	rules_free(&r);
	expect_error("- name: z\n  position: maybe\n", 2, "'position' must be true or false");
	expect_error("- callbacks: [ops.one]\n  doc: x\n", 1, "with 'caller-holds'");
	expect_error("- callbacks: [ops.one]\n  caller-holds: 0\n  name: f\n", 1, "entry of its own");
	expect_error("- name: f\n  caller-holds: 0\n", 1, "'caller-holds' needs 'callbacks'");
	expect_error("- callbacks: [one]\n  caller-holds: 0\n", 1, "struct.field");
}

static void conditional_releases(void **state)
{
	(void)state;
	struct rules r = { 0 };
	char err[512] = "";
	assert_int_equal(load(&r,
			      "- name: split_or_put\n  release: {arg: 0, hold: ref, if-result: nonzero}\n"
			      "- name: wait_mode\n  release: {arg: 0, hold: ref, if-arg: 3, is: 2}\n"
			      "- name: keep_unless\n  release: {arg: 1, hold: pin, if-arg: 0, is-not: -11}\n",
			      err, sizeof(err)),
			 0);
	assert_int_equal(rules_lookup(&r, "split_or_put")->release_if, RELIF_RESULT_NONZERO);
	const struct rule *ru = rules_lookup(&r, "wait_mode");
	assert_int_equal(ru->release_if, RELIF_ARG_IS);
	assert_int_equal(ru->release_if_arg, 3);
	assert_int_equal(ru->release_if_value, 2);
	ru = rules_lookup(&r, "keep_unless");
	assert_int_equal(ru->release_if, RELIF_ARG_IS_NOT);
	assert_int_equal(ru->release_if_value, -11);
	rules_free(&r);
	expect_error("- name: a\n  release: {arg: 0, hold: ref, if-arg: 1}\n", 2, "go together");
	expect_error("- name: a\n  release: {arg: 0, hold: ref, is: x}\n", 2, "must be an integer");
	expect_error("- name: a\n  release: {arg: 0, hold: ref, if-result: zero}\n", 2, "unknown if-result");
}

/* `returns:` picks one of two rules of one name by the call's result kind */
static void returns_selects_by_result_kind(void **state)
{
	(void)state;
	struct rules r = { 0 };
	char err[512] = "";
	assert_int_equal(load(&r,
			      "- name: isolate\n  guard: {arg: 0, level: held, when: false}\n"
			      "- name: isolate\n  returns: bool\n  guard: {arg: 0, level: held, when: true}\n",
			      err, sizeof(err)),
			 0);
	assert_int_equal(rules_lookup_call(&r, "isolate", NULL, RETURNS_BOOL)->guard_when, WHEN_TRUE);
	assert_int_equal(rules_lookup_call(&r, "isolate", NULL, RETURNS_INT)->guard_when, WHEN_FALSE);
	assert_int_equal(rules_lookup_call(&r, "isolate", NULL, RETURNS_POINTER)->guard_when, WHEN_FALSE);
	/* a lookup that does not know the kind takes the last one loaded */
	assert_int_equal(rules_lookup(&r, "isolate")->returns, RETURNS_BOOL);
	rules_free(&r);
	expect_error("- name: a\n  returns: float\n", 2, "'returns' must be bool, int or pointer");
}

static void later_rules_override(void **state)
{
	(void)state;
	struct rules r = { 0 };
	char err[512];
	assert_int_equal(load(&r, "- name: my_lookup\n  result: {source: 0}\n", err, sizeof(err)), 0);
	assert_int_equal(load(&r, "- name: my_lookup\n  result: {new: held}\n", err, sizeof(err)), 0);
	assert_int_equal(rules_lookup(&r, "my_lookup")->result, RES_NEW);
	rules_free(&r);
}

static void expect_error(const char *text, int line, const char *what)
{
	struct rules r = { 0 };
	char err[512] = "";
	assert_int_equal(load(&r, text, err, sizeof(err)), -1);
	char want[128];
	snprintf(want, sizeof(want), ":%d:", line);
	if (!strstr(err, want) || !strstr(err, what) || !strstr(err, "/tmp/pagelife-rules-"))
		fail_msg("error '%s' lacks file, line %d or '%s'", err, line, what);
	assert_null(strchr(err, '\n')); /* one line */
	rules_free(&r);
}

static void errors_name_file_and_line(void **state)
{
	(void)state;
	expect_error("- name: a\n  uses: 0\n- name: b\n  frobnicate: 1\n", 4, "unknown key 'frobnicate'");
	expect_error("- name: a\n  guard: {arg: 0, level: sideways}\n", 2, "unknown level 'sideways'");
	expect_error("- name: a\n  enter: spinlock\n", 2, "unknown scope 'spinlock'");
	expect_error("- uses: 0\n", 1, "without 'name'");
	expect_error("- name: a\n  result: {source: x}\n", 2, "argument index");
	expect_error("name: a\n", 1, "list of rules");
	expect_error("- name: a\n  uses: [0\n", 3, "flow sequence");
}

/* docs/rules-format.md: a file without rules says [] */
static void comment_only_file_has_no_rules(void **state)
{
	(void)state;
	struct rules r = { 0 };
	char err[512] = "";
	assert_int_equal(load(&r, "# nothing here yet\n\n", err, sizeof(err)), -1);
	assert_non_null(strstr(err, "holds no rules"));
	rules_free(&r);
	struct rules e = { 0 };
	assert_int_equal(load(&e, "[]\n", err, sizeof(err)), 0);
	assert_int_equal(e.n, 0);
	rules_free(&e);
}

static void missing_file_is_an_error(void **state)
{
	(void)state;
	struct rules r = { 0 };
	char err[512] = "";
	assert_int_equal(rules_load_path(&r, "/nonexistent/rules.yaml", err, sizeof(err)), -1);
	assert_non_null(strstr(err, "/nonexistent/rules.yaml"));
	rules_free(&r);
}

static void shipped_rules_load(void **state)
{
	(void)state;
	const char *src = getenv("PAGELIFE_SOURCE_DIR");
	if (!src)
		skip();
	char path[1024];
	snprintf(path, sizeof(path), "%s/rules", src);
	struct rules r = { 0 };
	char err[512] = "";
	if (rules_load_path(&r, path, err, sizeof(err)))
		fail_msg("%s", err);
	rules_index(&r);
	const char *must[] = { "pfn_to_page", "pfn_to_online_page", "pfn_valid", "pfn_active", "get_page",
			       "get_page_unless_zero", "rcu_read_lock", "rcu_read_unlock_bh", "get_online_mems",
			       "get_dev_pagemap", "put_dev_pagemap", "PageReserved", "page_zone", "kmap_local_page",
			       "alloc_pages", "virt_to_page", "page_folio", "folio_page", NULL };
	for (int i = 0; must[i]; i++)
		if (!rules_lookup(&r, must[i]))
			fail_msg("shipped rules lack %s", must[i]);
	rules_free(&r);
}

/* Summary rules survive the text form of the summary database. */
static void rule_text_round_trip(void **state)
{
	(void)state;
	struct rule r;
	assert_int_equal(rule_text_decode("grab", "", "<t>", &r), 0);
	assert_int_equal(r.release_arg, -1);
	assert_int_equal(r.gup_pages, -1);
	free(r.name);
	r.nuses = 2;
	r.uses[0] = 0;
	r.uses[1] = 3;
	r.gup_pages = 1;
	r.gup_hold = HOLD_PIN;
	r.gup_result = GUP_RESULT_ERRNO;
	r.release_arg = 2;
	r.release_kind = REL_PIN;
	r.release_if = RELIF_ARG_IS;
	r.release_if_arg = 4;
	r.release_if_value = -7;
	r.transfer_mask = 5;
	r.result = RES_NEW;
	r.result_level = L_HELD;
	r.movable = 1;
	struct strbuf sb = { 0 };
	rule_text_encode(&r, &sb);
	struct rule back;
	assert_int_equal(rule_text_decode("grab", sb.buf, "<t>", &back), 0);
	assert_string_equal(back.name, "grab");
	assert_int_equal(back.nuses, 2);
	assert_int_equal(back.uses[1], 3);
	assert_int_equal(back.gup_pages, 1);
	assert_int_equal(back.gup_hold, HOLD_PIN);
	assert_int_equal(back.gup_result, GUP_RESULT_ERRNO);
	assert_int_equal(back.release_arg, 2);
	assert_int_equal(back.release_kind, REL_PIN);
	assert_int_equal(back.release_if, RELIF_ARG_IS);
	assert_int_equal(back.release_if_arg, 4);
	assert_int_equal(back.release_if_value, -7);
	assert_int_equal(back.transfer_mask, 5);
	assert_int_equal(back.result, RES_NEW);
	assert_int_equal(back.result_level, L_HELD);
	assert_int_equal(back.movable, 1);
	free(back.name);
	sb_free(&sb);
	/* another format's text is refused, not half read */
	assert_int_equal(rule_text_decode("x", "gup-pages=1 colour=3", "<t>", &back), -1);
	assert_int_equal(rule_text_decode("x", "uses=a", "<t>", &back), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(parses_every_effect),
		cmocka_unit_test(globs_lose_to_exact_names),
		cmocka_unit_test(short_lived_structs_entry),
		cmocka_unit_test(callback_contracts_entry),
		cmocka_unit_test(later_rules_override),
		cmocka_unit_test(errors_name_file_and_line),
		cmocka_unit_test(comment_only_file_has_no_rules),
		cmocka_unit_test(missing_file_is_an_error),
		cmocka_unit_test(shipped_rules_load),
		cmocka_unit_test(conditional_releases),
		cmocka_unit_test(returns_selects_by_result_kind),
		cmocka_unit_test(rule_text_round_trip),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
