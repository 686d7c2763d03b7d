// SPDX-License-Identifier: GPL-2.0
/* hot-add, online, offline, hot-remove, CMA, hotplug lock, RCU */
#include "rt_test.h"

#define UADDR 0x20000000UL

static void test_add_online_errors(void **state)
{
	(void)state;
	assert_int_equal(rt_hot_add(M, 99), -EINVAL);
	assert_int_equal(rt_hot_add(M, 0), -EEXIST);
	assert_int_equal(rt_online(M, 0, RT_ZONE_NORMAL), -EINVAL);     /* already online */
	assert_int_equal(rt_online(M, 9, RT_ZONE_NORMAL), -EINVAL);     /* absent */
	assert_int_equal(rt_online(M, 9, RT_ZONE_DEVICE), -EINVAL);
	assert_int_equal(rt_online(M, 99, RT_ZONE_NORMAL), -EINVAL);
	assert_int_equal(rt_offline(M, 9), -EINVAL);
	assert_int_equal(rt_offline(M, 99), -EINVAL);
	assert_int_equal(rt_remove(M, 9), -EINVAL);
	assert_int_equal(rt_remove(M, 99), -EINVAL);
	assert_int_equal(rt_remove(M, 0), -EBUSY);      /* online: offline first */
	assert_int_equal(rt_violation_count(M), 0);
}

static FIXTURE bool walk_valid(unsigned long pfn)
{
	if (!pfn_valid(pfn))
		return false;
	return PageReserved(pfn_to_page(pfn));
}

static void test_lifecycle(void **state)
{
	(void)state;
	unsigned long pfn = sec_pfn(9, 5);
	assert_int_equal(rt_hot_add(M, 9), 0);
	assert_int_equal(rt_section_state(M, 9), RT_SECTION_OFFLINE);
	assert_int_equal(rt_online(M, 9, RT_ZONE_MOVABLE), 0);
	assert_int_equal(rt_nr_free_pages(M, RT_ZONE_MOVABLE), 3 * 256);
	assert_false(walk_valid(pfn));
	assert_int_equal(rt_violation_count(M), 0);
	assert_int_equal(rt_offline(M, 9), 0);
	assert_int_equal(rt_section_state(M, 9), RT_SECTION_OFFLINE);
	assert_int_equal(rt_nr_free_pages(M, RT_ZONE_MOVABLE), 2 * 256);
	assert_false(pfn_active(pfn));
	assert_true(walk_valid(pfn));   /* pfn_valid() says yes; the memmap is poison */
	assert_int_equal(nviol(RT_V_MEMMAP_UNINIT), 1);
	assert_string_equal(first_viol(RT_V_MEMMAP_UNINIT).func, "walk_valid");
	assert_int_equal(rt_remove(M, 9), 0);
	assert_int_equal(rt_section_state(M, 9), RT_SECTION_ABSENT);
	assert_false(walk_valid(pfn));
	/* a page pointer kept from before: the memmap was freed */
	(void)PageReserved(pfn_to_page(pfn));
	assert_int_equal(nviol(RT_V_MEMMAP_FREED), 1);
	/* and it can come back */
	assert_int_equal(rt_hot_add(M, 9), 0);
	assert_int_equal(rt_online(M, 9, RT_ZONE_NORMAL), 0);
	assert_int_equal(rt_hot_remove(M, 9), 0);
	assert_int_equal(rt_hot_remove(M, 9), -EINVAL);
}

static void test_offline_migrates(void **state)
{
	(void)state;
	struct mm_struct *mm = rt_mm_create(M, UADDR, 16);
	assert_int_equal(rt_mm_populate(mm, UADDR, 16, RT_ZONE_MOVABLE, true), 0);
	unsigned long old = rt_mm_pfn(mm, UADDR + 3 * PAGE_SIZE);
	unsigned int sec = (unsigned int)(old / 256);
	strcpy(page_address(pfn_to_page(old)), "keep me");
	assert_int_equal(rt_offline(M, sec), 0);
	unsigned long now = rt_mm_pfn(mm, UADDR + 3 * PAGE_SIZE);
	assert_int_not_equal(now / 256, sec);
	assert_string_equal(page_address(pfn_to_page(now)), "keep me");
	assert_int_equal(rt_remove(M, sec), 0);
	rt_mm_destroy(mm);
	assert_int_equal(rt_violation_count(M), 0);
}

static void test_offline_blocked_by_pin(void **state)
{
	(void)state;
	struct mm_struct *mm = rt_mm_create(M, UADDR, 4);
	rt_set_current_mm(M, mm);
	assert_int_equal(rt_mm_populate(mm, UADDR, 4, RT_ZONE_MOVABLE, true), 0);
	struct page *pinned;
	assert_int_equal(pin_user_pages(UADDR + PAGE_SIZE, 1, 0, &pinned), 1);
	unsigned int sec = (unsigned int)(page_to_pfn(pinned) / 256);
	assert_int_equal(rt_hot_remove(M, sec), -EBUSY);
	assert_int_equal(rt_section_state(M, sec), RT_SECTION_ONLINE);
	struct rt_violation v = first_viol(RT_V_HOTPLUG_BLOCKED);
	assert_int_equal(v.pfn, page_to_pfn(pinned));
	assert_int_equal(v.holder_kind, RT_H_PIN);
	assert_string_equal(v.holder_func, "test_offline_blocked_by_pin");
	struct rt_blocker b;
	assert_true(rt_last_blocker(M, &b));
	assert_string_equal(b.holder_api, "pin_user_pages");
	/* the section is usable again after the failed offline */
	struct page *p = alloc_pages(GFP_HIGHUSER_MOVABLE, 0);
	assert_non_null(p);
	__free_page(p);
	unpin_user_page(pinned);
	assert_int_equal(rt_hot_remove(M, sec), 0);
	rt_mm_destroy(mm);
}

static void test_offline_normal_unmovable(void **state)
{
	(void)state;
	struct page *p = alloc_page(GFP_KERNEL);
	unsigned int sec = (unsigned int)(page_to_pfn(p) / 256);
	assert_int_equal(rt_offline(M, sec), -EBUSY);
	assert_int_equal(rt_violation_count(M), 0);     /* ZONE_NORMAL promises nothing */
	struct rt_blocker b;
	assert_true(rt_last_blocker(M, &b));
	assert_int_equal(b.holder_kind, RT_H_ALLOC);
	__free_page(p);
	assert_int_equal(rt_offline(M, sec), 0);
	assert_int_equal(rt_online(M, sec, RT_ZONE_NORMAL), 0);
}

static void test_offline_no_target(void **state)
{
	(void)state;
	struct mm_struct *mm = rt_mm_create(M, UADDR, 2);
	assert_int_equal(rt_mm_populate(mm, UADDR, 2, RT_ZONE_MOVABLE, true), 0);
	unsigned int sec = (unsigned int)(rt_mm_pfn(mm, UADDR) / 256);
	rt_fail_alloc(M, 0, 1);
	assert_int_equal(rt_offline(M, sec), -ENOMEM);
	assert_int_equal(rt_section_state(M, sec), RT_SECTION_ONLINE);
	rt_mm_destroy(mm);
	assert_int_equal(rt_violation_count(M), 0);
}

static FIXTURE void hotplug_lock_user(void)
{
	get_online_mems();
	get_online_mems();
	put_online_mems();
	put_online_mems();
	put_online_mems();              /* one too many */
	mem_hotplug_begin();
	mem_hotplug_done();
	mem_hotplug_done();             /* one too many */
	get_online_mems();
	mem_hotplug_begin();            /* would deadlock */
	put_online_mems();
}

static FIXTURE void rcu_user(void)
{
	rcu_read_lock();
	rcu_read_lock();
	rcu_read_unlock();
	synchronize_rcu();              /* inside the read side */
	get_online_mems();              /* sleeping inside the read side */
	mem_hotplug_begin();
	rcu_read_unlock();
	rcu_read_unlock();              /* one too many */
	synchronize_rcu();
	put_online_mems();
}

static void test_locks(void **state)
{
	(void)state;
	hotplug_lock_user();
	assert_int_equal(nviol(RT_V_LOCK_IMBALANCE), 3);
	assert_int_equal(rt_violation_count_func(M, "hotplug_lock_user", -1), 3);
	rt_violations_reset(M);
	rcu_user();
	assert_int_equal(nviol(RT_V_SLEEP_IN_RCU), 3);
	assert_int_equal(nviol(RT_V_LOCK_IMBALANCE), 1);
	/* the offline works: nobody holds the lock any more */
	assert_int_equal(rt_offline(M, 5), 0);
}

static void test_cma(void **state)
{
	(void)state;
	unsigned long pfn;
	assert_int_equal(rt_cma_alloc(M, 0, &pfn), -EINVAL);
	assert_int_equal(rt_cma_alloc(M, 1000, &pfn), -EINVAL);
	struct mm_struct *mm = rt_mm_create(M, UADDR, 8);
	rt_set_current_mm(M, mm);
	assert_int_equal(rt_mm_populate(mm, UADDR, 8, RT_ZONE_CMA, true), 0);
	assert_int_equal(rt_cma_alloc(M, 64, &pfn), 0);
	assert_int_equal(pfn, sec_pfn(6, 0));           /* user pages moved out */
	assert_int_not_equal(rt_mm_pfn(mm, UADDR) / 256, 6);
	assert_int_equal(page_count(pfn_to_page(pfn)), 1);
	rt_cma_release(M, pfn, 64);
	assert_int_equal(rt_violation_count(M), 0);
	/* now a pinned CMA page in every window */
	rt_mm_destroy(mm);
	mm = rt_mm_create(M, UADDR, 8);
	rt_set_current_mm(M, mm);
	assert_int_equal(rt_mm_populate(mm, UADDR, 1, RT_ZONE_CMA, true), 0);
	struct page *pin;
	assert_int_equal(pin_user_pages(UADDR, 1, 0, &pin), 1);
	assert_int_equal(rt_cma_alloc(M, 256, &pfn), -EBUSY);
	struct rt_violation v = first_viol(RT_V_CMA_BLOCKED);
	assert_int_equal(v.pfn, page_to_pfn(pin));
	assert_int_equal(v.holder_kind, RT_H_PIN);
	/* smaller requests go around it */
	assert_int_equal(rt_cma_alloc(M, 128, &pfn), 0);
	rt_cma_release(M, pfn, 128);
	/* migration failure puts everything back */
	unpin_user_page(pin);
	assert_int_equal(rt_mm_populate(mm, UADDR + PAGE_SIZE, 1, RT_ZONE_CMA, true), 0);
	rt_fail_alloc(M, 0, 1);
	assert_int_equal(rt_cma_alloc(M, 256, &pfn), -ENOMEM);
	assert_int_equal(rt_nr_free_pages(M, RT_ZONE_CMA), 254);
	rt_mm_destroy(mm);
}

static void test_tiny_subsections(void **state)
{
	(void)state;
	/* 64 subsections per section and no boot memory */
	struct rt_config c;
	rt_config_default(&c);
	c.nr_sections = 2;
	c.section_pages = 64;
	c.subsections = 64;
	for (int i = 0; i < RT_MAX_SECTIONS; i++)
		c.boot_zone[i] = -1;
	struct rt_machine *m = rt_machine_create(&c);
	assert_non_null(m);
	rt_machine_set_current(m);
	assert_int_equal(rt_hot_add(m, 1), 0);
	assert_int_equal(rt_online(m, 1, RT_ZONE_NORMAL), 0);
	assert_true(pfn_active(127));
	assert_null(alloc_pages(GFP_KERNEL, 7));
	struct page *p = alloc_pages(GFP_KERNEL, 6);
	assert_non_null(p);
	__free_pages(p, 6);
	char why[128];
	assert_int_equal(rt_machine_check(m, why, sizeof(why)), 0);
	rt_machine_destroy(m);
	rt_machine_set_current(M);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_add_online_errors), T(test_lifecycle), T(test_offline_migrates),
		T(test_offline_blocked_by_pin), T(test_offline_normal_unmovable),
		T(test_offline_no_target), T(test_locks), T(test_cma), T(test_tiny_subsections),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
