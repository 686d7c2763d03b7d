/* SPDX-License-Identifier: GPL-2.0 */
/* Shared set-up for the runtime's cmocka tests. */
#ifndef PAGELIFE_RT_TEST_H
#define PAGELIFE_RT_TEST_H

#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "kernel_api.h"
#include "rt_model.h"
#include "rt_iopt.h"

/* The machine of the running test (cmocka runs tests one at a time). */
static struct rt_machine *M;

/* Fixture-like functions must stay separate functions to be named. */
#define FIXTURE __attribute__((noinline, used))

static inline int rt_setup_cfg(const struct rt_config *cfg)
{
	M = rt_machine_create(cfg);
	rt_machine_set_current(M);
	return M ? 0 : -1;
}

static inline int rt_setup(void **state)
{
	(void)state;
	return rt_setup_cfg(NULL);
}

/* Every test ends with the model's own consistency check. */
static inline int rt_teardown(void **state)
{
	(void)state;
	char why[256];
	int rc = rt_machine_check(M, why, sizeof(why));
	if (rc)
		fprintf(stderr, "rt_machine_check: %s\n", why);
	rt_machine_destroy(M);
	M = NULL;
	return rc;
}

static inline size_t nviol(enum rt_violation_kind k) { return rt_violation_count_kind(M, k); }

/* The first violation record of kind k (fails the test if there is none). */
static inline struct rt_violation first_viol(enum rt_violation_kind k)
{
	struct rt_violation v;
	for (size_t i = 0; rt_violation_get(M, i, &v); i++)
		if (v.kind == k)
			return v;
	fail_msg("no violation of kind %s", rt_violation_kind_name(k));
	memset(&v, 0, sizeof(v));
	return v;
}

static inline unsigned long sec_pfn(unsigned int sec, unsigned long off)
{
	return rt_section_first_pfn(M, sec) + off;
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, rt_setup, rt_teardown)

#endif
