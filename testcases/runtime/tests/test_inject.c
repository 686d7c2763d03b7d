// SPDX-License-Identifier: GPL-2.0
/* deterministic injection: a hot-remove/offline/unplug at every call */
#include "rt_test.h"

#define SEC 4                           /* a ZONE_MOVABLE section */
#define UADDR 0x30000000UL

static bool skip_gp;

static struct rt_machine *setup(void *arg)
{
	(void)arg;
	struct rt_config c;
	rt_config_default(&c);
	c.skip_grace_period = skip_gp;
	struct rt_machine *m = rt_machine_create(&c);
	rt_machine_set_current(m);
	return m;
}

/* the seed's protocol: the memmap stays valid under RCU */
static FIXTURE void rcu_walker(void *arg)
{
	unsigned long pfn = (unsigned long)(uintptr_t)arg;
	rcu_read_lock();
	if (pfn_active(pfn)) {
		struct page *page = pfn_to_page(pfn);
		(void)PageReserved(page);
		(void)page_zone(page);
		(void)page_count(page);
	}
	rcu_read_unlock();
}

/* pfn_valid() only says a memmap exists */
static FIXTURE void valid_walker(void *arg)
{
	unsigned long pfn = (unsigned long)(uintptr_t)arg;
	if (pfn_valid(pfn)) {
		struct page *page = pfn_to_page(pfn);
		(void)PageReserved(page);
		(void)page_zone(page);
	}
}

/* mainline: pfn_to_online_page() without the hotplug lock is racy */
static FIXTURE void online_walker(void *arg)
{
	struct page *page = pfn_to_online_page((unsigned long)(uintptr_t)arg);
	if (page) {
		(void)PageReserved(page);
		(void)page_count(page);
	}
}

/* ... and fine with it */
static FIXTURE void locked_walker(void *arg)
{
	get_online_mems();
	struct page *page = pfn_to_online_page((unsigned long)(uintptr_t)arg);
	if (page) {
		(void)PageReserved(page);
		(void)page_count(page);
	}
	put_online_mems();
}

static struct rt_explore_result explore(rt_fixture_fn fn, const char *name)
{
	struct rt_explore e = {
		.setup = setup, .name = name, .fixture = fn,
		.fixture_arg = (void *)(uintptr_t)(SEC * 256 + 10),
		.action = rt_action_hot_remove, .action_arg = (void *)(uintptr_t)SEC,
	};
	struct rt_explore_result r;
	assert_int_equal(rt_explore_run(&e, &r), 0);
	return r;
}

static void test_rcu_protocol_never_caught(void **state)
{
	(void)state;
	skip_gp = false;
	struct rt_explore_result r = explore(rcu_walker, "rcu_walker");
	assert_int_equal(r.points, 7);
	assert_int_equal(r.runs, 9);
	assert_int_equal(r.runs_with_violations, 0);
}

static void test_rcu_without_grace_period_caught(void **state)
{
	(void)state;
	skip_gp = true;                 /* negative control */
	struct rt_explore_result r = explore(rcu_walker, "rcu_walker");
	skip_gp = false;
	assert_true(r.runs_with_violations > 0);
	assert_true(r.kinds & (1UL << RT_V_MEMMAP_FREED));
}

static void test_pfn_valid_walker_caught(void **state)
{
	(void)state;
	struct rt_explore_result r = explore(valid_walker, "valid_walker");
	assert_int_equal(r.first_violation_point, 2);
	assert_true(r.kinds & (1UL << RT_V_MEMMAP_FREED));
}

static void test_online_walker(void **state)
{
	(void)state;
	struct rt_explore_result r = explore(online_walker, "online_walker");
	assert_true(r.runs_with_violations > 0);
	r = explore(locked_walker, "locked_walker");
	assert_int_equal(r.points, 5);
	assert_int_equal(r.runs_with_violations, 0);
}

/* Offline injection against references: a transient one is fine, a stored
 * one blocks hot-unplug of ZONE_MOVABLE. */
static struct mm_struct *MM;
static struct page *STORED;

static struct rt_machine *setup_mm(void *arg)
{
	struct rt_machine *m = setup(arg);
	MM = rt_mm_create(m, UADDR, 1);
	rt_set_current_mm(m, MM);
	rt_mm_populate(MM, UADDR, 1, RT_ZONE_MOVABLE, true);
	return m;
}

static void *user_section(struct rt_machine *m, void *arg)
{
	(void)m;
	(void)arg;
	return (void *)(uintptr_t)(rt_mm_pfn(MM, UADDR) / 256);
}

static FIXTURE void transient_ref(void *arg)
{
	(void)arg;
	struct page *p;
	if (get_user_pages(UADDR, 1, 0, &p) != 1)
		return;
	SetPageDirty(p);
	put_page(p);
}

static FIXTURE void stored_ref(void *arg)
{
	(void)arg;
	get_user_pages(UADDR, 1, 0, &STORED);       /* kept in a "device" */
}

static long blocked_runs, results_ok;
static void count_blocked(struct rt_machine *m, long k, void *arg)
{
	(void)arg;
	if (k > 0 && rt_violation_count_kind(m, RT_V_HOTPLUG_BLOCKED))
		blocked_runs++;
	if (k > 0 && (rt_injected_result(m) == 0 || rt_injected_result(m) == -EBUSY))
		results_ok++;
}

static void test_offline_vs_references(void **state)
{
	(void)state;
	struct rt_explore e = {
		.setup = setup_mm, .name = "transient_ref", .fixture = transient_ref,
		.action = rt_action_offline, .action_arg_for = user_section,
		.on_run = count_blocked,
	};
	struct rt_explore_result r;
	blocked_runs = results_ok = 0;
	assert_int_equal(rt_explore_run(&e, &r), 0);
	assert_int_equal(r.points, 3);
	assert_int_equal(r.runs_with_violations, 0);
	assert_int_equal(blocked_runs, 0);
	assert_int_equal(results_ok, 4);

	e.name = "stored_ref";
	e.fixture = stored_ref;
	blocked_runs = 0;
	assert_int_equal(rt_explore_run(&e, &r), 0);
	assert_int_equal(r.points, 1);
	assert_int_equal(blocked_runs, 1);
	assert_true(r.kinds & (1UL << RT_V_LEAK));
}

/* ZONE_DEVICE: only a pgmap reference keeps the memmap */
#define DEV 12
static struct dev_pagemap *PGMAP;

static struct rt_machine *setup_dev(void *arg)
{
	struct rt_machine *m = setup(arg);
	rt_devmem_plug(m, DEV, MEMORY_DEVICE_GENERIC, 0, &PGMAP);
	return m;
}

static void *the_pgmap(struct rt_machine *m, void *arg)
{
	(void)m;
	(void)arg;
	return PGMAP;
}

static FIXTURE void dev_guarded(void *arg)
{
	unsigned long pfn = (unsigned long)(uintptr_t)arg;
	struct dev_pagemap *pgmap = get_dev_pagemap(pfn, NULL);
	if (!pgmap)
		return;
	(void)is_zone_device_page(pfn_to_page(pfn));
	put_dev_pagemap(pgmap);
}

static FIXTURE void dev_unguarded(void *arg)
{
	unsigned long pfn = (unsigned long)(uintptr_t)arg;
	if (pfn_valid(pfn))
		(void)is_zone_device_page(pfn_to_page(pfn));
}

static void test_devmem_unplug(void **state)
{
	(void)state;
	struct rt_explore e = {
		.setup = setup_dev, .name = "dev_guarded", .fixture = dev_guarded,
		.fixture_arg = (void *)(uintptr_t)(DEV * 256 + 3),
		.action = rt_action_devmem_unplug, .action_arg_for = the_pgmap,
	};
	struct rt_explore_result r;
	assert_int_equal(rt_explore_run(&e, &r), 0);
	assert_int_equal(r.points, 4);
	assert_int_equal(r.runs_with_violations, 0);
	e.name = "dev_unguarded";
	e.fixture = dev_unguarded;
	assert_int_equal(rt_explore_run(&e, &r), 0);
	assert_true(r.runs_with_violations > 0);
}

/* leaks of locks are recorded and cleaned so the action can finish */
static FIXTURE void lock_leaker(void *arg)
{
	(void)arg;
	rcu_read_lock();
	get_online_mems();
	(void)kmap_local_page(pfn_to_page(10));
}

static FIXTURE void writer_leaker(void *arg)
{
	(void)arg;
	mem_hotplug_begin();
}

static FIXTURE void pgmap_leaker(void *arg)
{
	(void)get_dev_pagemap((unsigned long)(uintptr_t)arg, NULL);
}

static void test_lock_leaks(void **state)
{
	(void)state;
	/* the remove starts with RCU and the hotplug lock held: it waits */
	rt_inject_at(M, 3, rt_action_hot_remove, (void *)(uintptr_t)SEC);
	rt_run_fixture(M, "lock_leaker", lock_leaker, NULL);
	assert_int_equal(nviol(RT_V_LEAK), 3);
	assert_int_equal(rt_injected_result(M), 0);
	assert_int_equal(rt_section_state(M, SEC), RT_SECTION_ABSENT);
	assert_int_equal(rt_points_seen(M), 4);
	rt_violations_reset(M);
	rt_inject_at(M, 2, rt_action_hot_remove, (void *)(uintptr_t)(SEC + 1));
	rt_run_fixture(M, "writer_leaker", writer_leaker, NULL);
	assert_int_equal(nviol(RT_V_LEAK), 1);
	assert_int_equal(rt_section_state(M, SEC + 1), RT_SECTION_ABSENT);
	rt_violations_reset(M);
	struct dev_pagemap *pg;
	assert_int_equal(rt_devmem_plug(M, DEV, MEMORY_DEVICE_GENERIC, 0, &pg), 0);
	rt_inject_at(M, 2, rt_action_devmem_unplug, pg);
	rt_run_fixture(M, "pgmap_leaker", pgmap_leaker, (void *)(uintptr_t)(DEV * 256));
	assert_int_equal(nviol(RT_V_LEAK), 1);
	assert_int_equal(rt_injected_result(M), 0);
	rt_inject_at(M, 0, NULL, NULL);
}

static struct rt_machine *setup_fail(void *arg)
{
	(void)arg;
	return NULL;
}

static void test_explore_setup_failure(void **state)
{
	(void)state;
	struct rt_explore e = { .setup = setup_fail, .fixture = rcu_walker };
	struct rt_explore_result r;
	assert_int_equal(rt_explore_run(&e, &r), -ENOMEM);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_rcu_protocol_never_caught), T(test_rcu_without_grace_period_caught),
		T(test_pfn_valid_walker_caught), T(test_online_walker),
		T(test_offline_vs_references), T(test_devmem_unplug), T(test_lock_leaks),
		T(test_explore_setup_failure),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
