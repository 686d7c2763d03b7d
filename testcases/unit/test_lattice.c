/* The value lattice: join keeps the weaker guarantee. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "lattice.h"

static void join_bottom_is_identity(void **state)
{
	(void)state;
	struct pl_val b = pl_val_make(VK_BOTTOM);
	struct pl_val o = pl_val_obj(3, L_HELD, 3);
	struct pl_val j = pl_val_join(&b, &o);
	assert_true(pl_val_equal(&j, &o));
	j = pl_val_join(&o, &b);
	assert_true(pl_val_equal(&j, &o));
}

static void join_keeps_weaker_level(void **state)
{
	(void)state;
	struct pl_val held = pl_val_obj(1, L_HELD, 1);
	struct pl_val arb = pl_val_obj(1, L_ARBITRARY, 1);
	struct pl_val j = pl_val_join(&held, &arb);
	assert_int_equal(j.kind, VK_OBJ);
	assert_int_equal(j.level, L_ARBITRARY);
	j = pl_val_join(&arb, &held);
	assert_int_equal(j.level, L_ARBITRARY);
}

static void levels_are_ordered(void **state)
{
	(void)state;
	/* the order the checks rely on: weaker guarantees first */
	assert_true(L_RELEASED < L_ARBITRARY);
	assert_true(L_ARBITRARY < L_VALID_ONLY);
	assert_true(L_VALID_ONLY < L_RCU_EXPIRED);
	assert_true(L_RCU_EXPIRED < L_ONLINE);
	assert_true(L_ONLINE < L_RCU_ACTIVE);
	assert_true(L_RCU_ACTIVE < L_HELD);
}

static void caller_page_joined_with_tracked_is_tracked(void **state)
{
	(void)state;
	struct pl_val caller = pl_val_make(VK_CALLER);
	struct pl_val valid = pl_val_obj(7, L_VALID_ONLY, 7);
	struct pl_val j = pl_val_join(&caller, &valid);
	assert_int_equal(j.kind, VK_OBJ);
	assert_int_equal(j.level, L_VALID_ONLY);
}

static void unknown_integer_wins_over_tracked(void **state)
{
	(void)state;
	/* a pfn that is unknown on one path is an arbitrary pfn after the join */
	struct pl_val none = pl_val_make(VK_NONE);
	struct pl_val held = pl_val_obj(2, L_HELD, 2);
	struct pl_val j = pl_val_join(&held, &none);
	assert_int_equal(j.kind, VK_NONE);
}

static void differing_facts_join_to_unknown(void **state)
{
	(void)state;
	struct pl_val f1 = pl_val_make(VK_FACT), f2 = pl_val_make(VK_FACT);
	f1.fact = F_RAISE;
	f1.level = L_HELD;
	f2.fact = F_NONNULL;
	struct pl_val j = pl_val_join(&f1, &f2);
	assert_int_equal(j.kind, VK_NONE);
	j = pl_val_join(&f1, &f1);
	assert_int_equal(j.kind, VK_FACT);
}

static void constants_learned_and_contradicted(void **state)
{
	(void)state;
	struct pl_val v = pl_val_make(VK_NONE);
	assert_int_equal(pl_val_const_is(&v, 2), -1);
	assert_true(pl_val_const_learn(&v, 0, 0)); /* mode != EXCLUSIVE */
	assert_true(pl_val_const_learn(&v, 2, 0)); /* mode != DROP */
	assert_int_equal(pl_val_const_is(&v, 0), 0);
	assert_int_equal(pl_val_const_is(&v, 2), 0);
	assert_int_equal(pl_val_const_is(&v, 1), -1);
	assert_false(pl_val_const_learn(&v, 2, 1)); /* mode == DROP: impossible here */
	assert_true(pl_val_const_learn(&v, 1, 1));
	assert_int_equal(pl_val_const_is(&v, 1), 1);
	assert_false(pl_val_const_learn(&v, 1, 0));
	struct pl_val big = pl_val_make(VK_NONE);
	assert_true(pl_val_const_learn(&big, -11, 0)); /* != -EAGAIN */
	assert_int_equal(pl_val_const_is(&big, -11), 0);
	/* a constant known on one path only is gone after the join */
	struct pl_val a = pl_val_make(VK_NONE), b = pl_val_make(VK_NONE);
	pl_val_const_learn(&a, 1, 1);
	pl_val_const_learn(&b, 0, 1);
	struct pl_val j = pl_val_join(&a, &b);
	assert_int_equal(pl_val_const_is(&j, 1), -1);
	j = pl_val_join(&a, &a);
	assert_int_equal(pl_val_const_is(&j, 1), 1);
}

static void same_level_keeps_later_site(void **state)
{
	(void)state;
	struct pl_val a = pl_val_obj(9, L_ARBITRARY, 9), b = pl_val_obj(4, L_ARBITRARY, 4);
	struct pl_val j1 = pl_val_join(&a, &b), j2 = pl_val_join(&b, &a);
	assert_int_equal(j1.site, 9);
	assert_true(pl_val_equal(&j1, &j2)); /* commutative */
}

static void level_names_round_trip(void **state)
{
	(void)state;
	for (int l = L_RELEASED; l < L__COUNT; l++)
		assert_int_equal(pl_level_parse(pl_level_name((enum pl_level)l)), l);
	assert_int_equal(pl_level_parse("no-such-level"), L__COUNT);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(join_bottom_is_identity),
		cmocka_unit_test(join_keeps_weaker_level),
		cmocka_unit_test(levels_are_ordered),
		cmocka_unit_test(caller_page_joined_with_tracked_is_tracked),
		cmocka_unit_test(unknown_integer_wins_over_tracked),
		cmocka_unit_test(differing_facts_join_to_unknown),
		cmocka_unit_test(same_level_keeps_later_site),
		cmocka_unit_test(constants_learned_and_contradicted),
		cmocka_unit_test(level_names_round_trip),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
