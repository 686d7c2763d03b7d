/* --shard=K/N: parsing, and the size-balanced, deterministic split. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shard.h"

static void parse_spec(void **state)
{
	(void)state;
	unsigned k = 0, n = 0;
	assert_int_equal(shard_parse("2/5", &k, &n), 0);
	assert_int_equal(k, 2);
	assert_int_equal(n, 5);
	assert_int_equal(shard_parse("1/1", &k, &n), 0);
	const char *bad[] = { "", "0/3", "4/3", "3", "/3", "1/", "1/0", "a/b", "1/2x", "-1/2", NULL };
	for (int i = 0; bad[i]; i++)
		assert_int_equal(shard_parse(bad[i], &k, &n), -1);
}

static void greedy_by_size(void **state)
{
	(void)state;
	/* 10 goes to bin 0, 7 to bin 1, 5 to bin 1 (7 < 10), 4 to bin 0 (10 < 12)... */
	const unsigned long long sizes[] = { 5, 10, 4, 7 };
	const char *paths[] = { "c.c", "a.c", "d.c", "b.c" };
	unsigned bins[4];
	shard_assign(sizes, paths, 4, 2, bins);
	assert_int_equal(bins[1], 0);
	assert_int_equal(bins[3], 1);
	assert_int_equal(bins[0], 1);
	assert_int_equal(bins[2], 0);
}

static void ties_break_by_path_not_position(void **state)
{
	(void)state;
	const unsigned long long sizes[] = { 3, 3, 3 };
	const char *paths[] = { "z.c", "a.c", "m.c" };
	const char *reordered[] = { "a.c", "m.c", "z.c" };
	unsigned bins[3], bins2[3];
	shard_assign(sizes, paths, 3, 3, bins);
	shard_assign(sizes, reordered, 3, 3, bins2);
	assert_int_equal(bins[1], 0); /* a.c first */
	assert_int_equal(bins[2], 1);
	assert_int_equal(bins[0], 2);
	assert_int_equal(bins2[0], 0);
	assert_int_equal(bins2[1], 1);
	assert_int_equal(bins2[2], 2);
}

static void every_tu_in_exactly_one_balanced_bin(void **state)
{
	(void)state;
	enum { N = 200, BINS = 7 };
	unsigned long long sizes[N], load[BINS] = { 0 }, max = 0, total = 0;
	char names[N][16];
	const char *paths[N];
	unsigned bins[N];
	for (int i = 0; i < N; i++) {
		sizes[i] = (unsigned long long)((i * 7919) % 1000 + 1);
		snprintf(names[i], sizeof(names[i]), "f%03d.c", i);
		paths[i] = names[i];
	}
	shard_assign(sizes, paths, N, BINS, bins);
	for (int i = 0; i < N; i++) {
		assert_true(bins[i] < BINS);
		load[bins[i]] += sizes[i];
		total += sizes[i];
		if (sizes[i] > max)
			max = sizes[i];
	}
	/* greedy largest-first: no bin exceeds the mean by more than one TU */
	for (int b = 0; b < BINS; b++)
		assert_true(load[b] <= total / BINS + max);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(parse_spec),
		cmocka_unit_test(greedy_by_size),
		cmocka_unit_test(ties_break_by_path_not_position),
		cmocka_unit_test(every_tu_in_exactly_one_balanced_bin),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
