// SPDX-License-Identifier: GPL-2.0
/* memmap, sections and pfn/page conversions */
#include "rt_test.h"

static void test_config_and_layout(void **state)
{
	(void)state;
	const struct rt_config *c = rt_machine_config(M);
	assert_int_equal(c->nr_sections, 16);
	assert_int_equal(rt_nr_pfns(M), 16 * 256);
	assert_int_equal(rt_section_first_pfn(M, 3), 768);
	assert_int_equal(rt_section_state(M, 0), RT_SECTION_ONLINE);
	assert_int_equal(rt_section_state(M, 7), RT_SECTION_ABSENT);
	assert_int_equal(rt_section_state(M, 99), RT_SECTION_ABSENT);
	assert_int_equal(rt_section_zone(M, 4), RT_ZONE_MOVABLE);
	assert_int_equal(rt_section_zone(M, 6), RT_ZONE_CMA);
	assert_int_equal(rt_section_zone(M, 99), RT_ZONE_NORMAL);
	assert_ptr_equal(rt_machine_current(), M);
	assert_int_equal(rt_nr_free_pages(M, RT_ZONE_NORMAL), 4 * 256);
	assert_int_equal(rt_nr_free_pages(M, RT_ZONE_MOVABLE), 2 * 256);
	assert_int_equal(rt_nr_free_pages(M, RT_ZONE_CMA), 256);
	assert_int_equal(rt_nr_free_pages(M, RT_ZONE_DEVICE), 0);
	assert_int_equal(rt_violation_count(M), 0);
}

static void test_bad_configs(void **state)
{
	(void)state;
	struct rt_config c;
	rt_config_default(&c);
	c.nr_sections = 0;
	assert_null(rt_machine_create(&c));
	rt_config_default(&c);
	c.section_pages = 100;
	assert_null(rt_machine_create(&c));
	rt_config_default(&c);
	c.subsections = 128;
	assert_null(rt_machine_create(&c));
	rt_config_default(&c);
	c.section_pages = 8;
	c.subsections = 16;
	assert_null(rt_machine_create(&c));
	rt_config_default(&c);
	c.boot_zone[1] = RT_ZONE_DEVICE;
	assert_null(rt_machine_create(&c));
	rt_config_default(&c);
	c.section_pages = 2048;         /* order above RT_MAX_ORDER is capped */
	c.nr_sections = 2;
	struct rt_machine *m = rt_machine_create(&c);
	assert_non_null(m);
	rt_machine_destroy(m);
	assert_ptr_equal(rt_machine_current(), M);
}

static void test_pfn_valid_and_online(void **state)
{
	(void)state;
	assert_true(pfn_valid(sec_pfn(0, 5)));
	assert_false(pfn_valid(sec_pfn(7, 5)));
	assert_false(pfn_valid(rt_nr_pfns(M) + 3));
	assert_non_null(pfn_to_online_page(sec_pfn(1, 0)));
	assert_ptr_equal(pfn_to_online_page(sec_pfn(1, 0)), pfn_to_page(sec_pfn(1, 0)));
	assert_null(pfn_to_online_page(sec_pfn(8, 0)));
	assert_null(pfn_to_online_page(rt_nr_pfns(M)));
	assert_true(pfn_active(sec_pfn(2, 9)));
	assert_false(pfn_active(sec_pfn(9, 9)));
	assert_false(pfn_active(rt_nr_pfns(M) + 1));
	/* hot-added but not online: memmap exists, uninitialised */
	assert_int_equal(rt_hot_add(M, 8), 0);
	assert_true(pfn_valid(sec_pfn(8, 1)));
	assert_null(pfn_to_online_page(sec_pfn(8, 1)));
	assert_false(pfn_active(sec_pfn(8, 1)));
	assert_int_equal(rt_violation_count(M), 0);
}

static void test_conversions(void **state)
{
	(void)state;
	unsigned long pfn = sec_pfn(1, 17);
	struct page *p = pfn_to_page(pfn);
	assert_int_equal(page_to_pfn(p), pfn);
	assert_ptr_equal(phys_to_page(PFN_PHYS(pfn) + 123), p);
	assert_int_equal(page_to_phys(p), PFN_PHYS(pfn));
	struct page *a = alloc_page(GFP_KERNEL);
	void *va = page_address(a);
	assert_non_null(va);
	assert_ptr_equal(virt_to_page((char *)va + 100), a);
	__free_page(a);
	assert_int_equal(rt_violation_count(M), 0);
}

static FIXTURE void bad_pointer_user(void)
{
	int x = 0;
	assert_null(virt_to_page(&x));
	(void)page_to_pfn(NULL);
	(void)page_to_pfn((struct page *)&x);
	(void)pfn_to_page(rt_nr_pfns(M) + 5);
	assert_false(PageReserved((struct page *)&x));
	assert_false(PageReserved(NULL));
}

static void test_bad_pointers(void **state)
{
	(void)state;
	bad_pointer_user();
	assert_int_equal(nviol(RT_V_BAD_PAGE), 5);
	assert_int_equal(nviol(RT_V_MEMMAP_ABSENT), 1);
	struct rt_violation v = first_viol(RT_V_BAD_PAGE);
	assert_string_equal(v.func, "bad_pointer_user");
	assert_string_equal(v.api, "virt_to_page");
	assert_int_equal(rt_violation_count_func(M, "bad_pointer_user", -1), 6);
}

static FIXTURE bool read_absent(unsigned long pfn)
{
	return PageReserved(pfn_to_page(pfn));
}

static void test_poisoned_reads(void **state)
{
	(void)state;
	/* never present: no memmap at all */
	assert_true(read_absent(sec_pfn(10, 3)));        /* poison reads all-ones */
	struct rt_violation v = first_viol(RT_V_MEMMAP_ABSENT);
	assert_int_equal(v.pfn, sec_pfn(10, 3));
	assert_string_equal(v.func, "read_absent");
	/* present, offline: poisoned memmap */
	assert_int_equal(rt_hot_add(M, 10), 0);
	struct page *p = pfn_to_page(sec_pfn(10, 4));
	assert_int_equal(page_count(p), -1);
	assert_string_equal(page_zone(p)->name, "(poisoned)");
	assert_int_equal(page_zonenum(p), 7);
	assert_int_equal(page_to_nid(p), 255);
	assert_false(is_zone_device_page(p));
	assert_ptr_equal(compound_head(p), p);
	assert_ptr_equal(page_folio(p), (struct folio *)p);
	assert_int_equal(nviol(RT_V_MEMMAP_UNINIT), 7);  /* one per call site */
	v = first_viol(RT_V_MEMMAP_UNINIT);
	assert_string_equal(v.api, "page_count");
	/* get_page on poison is recorded and changes nothing */
	get_page(p);
	assert_int_equal(rt_page_refcount(M, sec_pfn(10, 4)), -1);
	/* online: initialised, no violation */
	rt_violations_reset(M);
	assert_int_equal(rt_online(M, 10, RT_ZONE_NORMAL), 0);
	assert_int_equal(page_count(p), 0);
	assert_false(PageReserved(p));
	assert_int_equal(rt_violation_count(M), 0);
}

static void test_zones(void **state)
{
	(void)state;
	struct page *n = pfn_to_page(sec_pfn(0, 1));
	struct page *mv = pfn_to_page(sec_pfn(4, 1));
	struct page *cma = pfn_to_page(sec_pfn(6, 1));
	assert_string_equal(page_zone(n)->name, "Normal");
	assert_string_equal(page_zone(mv)->name, "Movable");
	assert_true(zone_is_movable(page_zone(mv)));
	assert_false(zone_is_movable(page_zone(n)));
	assert_false(zone_is_movable(NULL));
	assert_int_equal(page_zonenum(cma), ZONE_NORMAL);
	assert_true(is_migrate_cma_page(cma));
	assert_false(is_migrate_cma_page(n));
	assert_int_equal(page_to_nid(n), 0);
	assert_false(is_zone_device_page(n));
	assert_null(page_pgmap(n));
	assert_false(is_device_private_page(n));
	assert_int_equal(page_zone(n)->managed_pages, 4 * 256 + 256);
	assert_int_equal(rt_violation_count(M), 0);
}

static FIXTURE void kmap_user(struct page *p)
{
	char *v = kmap_local_page(p);
	v[0] = 'x';
	kunmap_local(v);
	v = kmap(p);
	assert_int_equal(v[0], 'x');
	kunmap(p);
	kunmap_local(v);                /* one too many */
}

static void test_kmap(void **state)
{
	(void)state;
	struct page *p = alloc_page(GFP_KERNEL);
	kmap_user(p);
	assert_int_equal(nviol(RT_V_LOCK_IMBALANCE), 1);
	assert_string_equal(first_viol(RT_V_LOCK_IMBALANCE).func, "kmap_user");
	__free_page(p);
	/* mapping a free page is a use after free */
	(void)page_address(p);
	assert_int_equal(nviol(RT_V_USE_AFTER_FREE), 1);
	(void)page_address(NULL);
	assert_int_equal(nviol(RT_V_BAD_PAGE), 1);
}

static void test_err_ptr(void **state)
{
	(void)state;
	void *e = ERR_PTR(-ENOMEM);
	assert_true(IS_ERR(e));
	assert_int_equal(PTR_ERR(e), -ENOMEM);
	assert_true(IS_ERR_OR_NULL(NULL));
	assert_true(IS_ERR_OR_NULL(e));
	assert_false(IS_ERR(&e));
	assert_false(IS_ERR_OR_NULL(&e));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_config_and_layout), T(test_bad_configs), T(test_pfn_valid_and_online),
		T(test_conversions), T(test_bad_pointers), T(test_poisoned_reads),
		T(test_zones), T(test_kmap), T(test_err_ptr),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
