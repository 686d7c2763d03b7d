// SPDX-License-Identifier: GPL-2.0
/* ZONE_DEVICE: memremap_pages()/memunmap_pages() and dev_pagemap refs */
#include "rt_test.h"

static struct dev_pagemap *PGMAP;
#define DEV 12

static int dev_setup(void **state)
{
	if (rt_setup(state))
		return -1;
	/* one reserved subsection (64 pages): pfn_valid, never initialised */
	return rt_devmem_plug(M, DEV, MEMORY_DEVICE_PRIVATE, 1, &PGMAP);
}

#define D(fn) cmocka_unit_test_setup_teardown(fn, dev_setup, rt_teardown)

static void test_plug(void **state)
{
	(void)state;
	assert_int_equal(rt_section_state(M, DEV), RT_SECTION_DEVICE);
	assert_int_equal(PGMAP->range.start, PFN_PHYS(sec_pfn(DEV, 0)));
	assert_int_equal(PGMAP->range.end, PFN_PHYS(sec_pfn(DEV + 1, 0)) - 1);
	unsigned long res = sec_pfn(DEV, 3), dev = sec_pfn(DEV, 100);
	assert_true(pfn_valid(res));
	assert_true(pfn_valid(dev));
	assert_false(pfn_active(res));
	assert_true(pfn_active(dev));
	assert_null(pfn_to_online_page(dev));   /* not online memory */
	struct page *p = pfn_to_page(dev);
	assert_true(is_zone_device_page(p));
	assert_ptr_equal(page_pgmap(p), PGMAP);
	assert_true(is_device_private_page(p));
	assert_string_equal(page_zone(p)->name, "Device");
	assert_int_equal(page_count(p), 1);
	assert_int_equal(rt_violation_count(M), 0);
	/* the reserved part behind pfn_valid() is uninitialised */
	assert_false(is_zone_device_page(pfn_to_page(res)));
	assert_int_equal(nviol(RT_V_MEMMAP_UNINIT), 1);
	assert_int_equal(rt_devmem_plug(M, DEV, MEMORY_DEVICE_GENERIC, 0, NULL), -EEXIST);
	assert_int_equal(rt_devmem_plug(M, DEV + 1, MEMORY_DEVICE_GENERIC, 5, NULL), -EINVAL);
	assert_int_equal(rt_devmem_plug(M, 99, MEMORY_DEVICE_GENERIC, 0, NULL), -EINVAL);
}

static FIXTURE bool guarded_check(unsigned long pfn)
{
	struct dev_pagemap *pgmap = get_dev_pagemap(pfn, NULL);
	if (!pgmap)
		return false;
	bool dev = is_zone_device_page(pfn_to_page(pfn));
	put_dev_pagemap(pgmap);
	return dev;
}

static void test_get_dev_pagemap(void **state)
{
	(void)state;
	unsigned long dev = sec_pfn(DEV, 100);
	assert_true(guarded_check(dev));
	assert_false(guarded_check(sec_pfn(0, 1)));
	assert_false(guarded_check(rt_nr_pfns(M) + 1));
	struct dev_pagemap *a = get_dev_pagemap(dev, NULL);
	assert_int_equal(a->ref, 1);
	assert_ptr_equal(get_dev_pagemap(dev + 1, a), a);      /* cached: no new ref */
	assert_int_equal(a->ref, 1);
	assert_null(get_dev_pagemap(sec_pfn(0, 0), a));        /* drops the old one */
	assert_int_equal(a->ref, 0);
	put_dev_pagemap(NULL);
	put_dev_pagemap(a);
	assert_int_equal(nviol(RT_V_LOCK_IMBALANCE), 1);
}

static void test_unplug(void **state)
{
	(void)state;
	unsigned long dev = sec_pfn(DEV, 200);
	struct dev_pagemap *ref = get_dev_pagemap(dev, NULL);
	assert_int_equal(rt_devmem_unplug(M, PGMAP), -EBUSY);
	struct rt_violation v = first_viol(RT_V_HOTPLUG_BLOCKED);
	assert_int_equal(v.holder_kind, RT_H_PGMAP);
	assert_string_equal(v.holder_func, "test_unplug");
	put_dev_pagemap(ref);
	/* a page reference blocks it too */
	get_page(pfn_to_page(dev));
	assert_int_equal(rt_devmem_unplug(M, PGMAP), -EBUSY);
	struct rt_blocker b;
	assert_true(rt_last_blocker(M, &b));
	assert_int_equal(b.pfn, dev);
	assert_int_equal(b.holder_kind, RT_H_REF);
	put_page(pfn_to_page(dev));
	rt_violations_reset(M);
	assert_int_equal(rt_devmem_unplug(M, PGMAP), 0);
	assert_int_equal(rt_section_state(M, DEV), RT_SECTION_ABSENT);
	assert_false(pfn_valid(dev));
	assert_null(get_dev_pagemap(dev, NULL));
	(void)is_zone_device_page(pfn_to_page(dev));
	assert_int_equal(nviol(RT_V_MEMMAP_FREED), 1);
	assert_int_equal(rt_devmem_unplug(M, PGMAP), -EINVAL); /* gone, still readable */
	assert_int_equal(rt_devmem_unplug(M, NULL), -EINVAL);
	/* plug again */
	assert_int_equal(rt_devmem_plug(M, DEV, MEMORY_DEVICE_GENERIC, 0, NULL), 0);
	assert_false(is_device_private_page(pfn_to_page(dev)));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		D(test_plug), D(test_get_dev_pagemap), D(test_unplug),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
