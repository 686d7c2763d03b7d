// SPDX-License-Identifier: GPL-2.0
/* the buddy allocator and its failure injection */
#include "rt_test.h"

static enum rt_zone zone_of(struct page *p)
{
	return rt_section_zone(M, (unsigned int)(page_to_pfn(p) / 256));
}

static void test_alloc_free_order0(void **state)
{
	(void)state;
	unsigned long before = rt_nr_free_pages(M, RT_ZONE_NORMAL);
	struct page *p = alloc_page(GFP_KERNEL);
	assert_non_null(p);
	assert_int_equal(zone_of(p), RT_ZONE_NORMAL);
	assert_int_equal(page_count(p), 1);
	assert_false(PageBuddy(p));
	assert_int_equal(rt_nr_free_pages(M, RT_ZONE_NORMAL), before - 1);
	assert_int_equal(rt_nr_used_pages(M), 1);
	struct rt_holder_info h[4];
	assert_int_equal(rt_page_holders(M, page_to_pfn(p), h, 4), 1);
	assert_int_equal(h[0].kind, RT_H_ALLOC);
	assert_string_equal(h[0].api, "alloc_page");
	__free_page(p);
	assert_int_equal(page_count(p), 0);
	assert_int_equal(rt_nr_free_pages(M, RT_ZONE_NORMAL), before);
	assert_int_equal(rt_nr_used_pages(M), 0);
	assert_int_equal(rt_violation_count(M), 0);
}

static void test_movable_goes_to_movable(void **state)
{
	(void)state;
	struct page *p = alloc_pages(GFP_HIGHUSER_MOVABLE, 0);
	assert_int_equal(zone_of(p), RT_ZONE_MOVABLE);
	put_page(p);                    /* the last put frees it */
	assert_int_equal(rt_nr_free_pages(M, RT_ZONE_MOVABLE), 512);
	/* when MOVABLE is exhausted, CMA then NORMAL serve movable requests */
	struct page *big[2];
	big[0] = alloc_pages(GFP_HIGHUSER_MOVABLE, 8);
	big[1] = alloc_pages(GFP_HIGHUSER_MOVABLE, 8);
	assert_int_equal(rt_nr_free_pages(M, RT_ZONE_MOVABLE), 0);
	struct page *c = alloc_pages(GFP_HIGHUSER_MOVABLE, 0);
	assert_int_equal(zone_of(c), RT_ZONE_CMA);
	__free_pages(big[0], 8);
	__free_pages(big[1], 8);
	__free_page(c);
	assert_int_equal(rt_violation_count(M), 0);
}

static void test_compound(void **state)
{
	(void)state;
	struct page *p = alloc_pages(GFP_KERNEL | __GFP_COMP, 3);
	struct folio *f = page_folio(p + 5);
	assert_ptr_equal(f, (struct folio *)p);
	assert_true(PageHead(p));
	assert_true(PageTail(p + 5));
	assert_true(PageCompound(p + 5));
	assert_false(PageTail(p));
	assert_ptr_equal(compound_head(p + 7), p);
	assert_int_equal(folio_nr_pages(f), 8);
	assert_true(folio_test_large(f));
	assert_ptr_equal(folio_page(f, 2), p + 2);
	assert_int_equal(folio_pfn(f), page_to_pfn(p));
	assert_int_equal(page_count(p + 3), 1);         /* the folio's count */
	assert_int_equal(page_ref_count(p + 3), 0);     /* the tail's own */
	get_page(p + 4);                                /* goes to the head */
	assert_int_equal(folio_ref_count(f), 2);
	put_page(p + 4);
	__free_pages(p, 3);
	assert_int_equal(rt_violation_count(M), 0);

	struct folio *g = folio_alloc(GFP_KERNEL, 2);
	assert_int_equal(folio_nr_pages(g), 4);
	assert_non_null(folio_address(g));
	folio_put(g);
	assert_int_equal(rt_nr_used_pages(M), 0);
	/* a non-compound high-order block is not a folio */
	struct page *q = alloc_pages(GFP_KERNEL, 1);
	assert_false(PageHead(q));
	assert_int_equal(folio_nr_pages(page_folio(q)), 1);
	free_pages((unsigned long)page_address(q), 1);
	assert_int_equal(rt_violation_count(M), 0);
}

static void test_order_too_large(void **state)
{
	(void)state;
	assert_null(alloc_pages(GFP_KERNEL, 9));        /* max order is 8 here */
	assert_int_equal(nviol(RT_V_BAD_ARG), 1);
}

static void test_exhaustion(void **state)
{
	(void)state;
	static struct page *pages[2048];
	int n = 0;
	while ((pages[n] = alloc_page(GFP_KERNEL)) != NULL)
		n++;
	assert_int_equal(n, 5 * 256 - 256);             /* NORMAL only, not CMA */
	assert_int_equal(rt_nr_free_pages(M, RT_ZONE_NORMAL), 0);
	for (int i = 0; i < n; i++)
		__free_page(pages[i]);
	assert_int_equal(rt_nr_free_pages(M, RT_ZONE_NORMAL), 4 * 256);
	/* merged back into maximal blocks */
	struct page *big = alloc_pages(GFP_KERNEL, 8);
	assert_non_null(big);
	__free_pages(big, 8);
	assert_int_equal(rt_violation_count(M), 0);
}

static void test_fail_injection(void **state)
{
	(void)state;
	unsigned long calls = rt_alloc_calls(M);
	rt_fail_alloc(M, 2, 1);
	struct page *a = alloc_page(GFP_KERNEL), *b = alloc_page(GFP_KERNEL);
	struct page *c = alloc_page(GFP_KERNEL), *d = alloc_page(GFP_KERNEL);
	assert_non_null(a);
	assert_non_null(b);
	assert_null(c);
	assert_non_null(d);
	assert_int_equal(rt_alloc_calls(M), calls + 4);
	rt_fail_alloc(M, 0, 5);
	assert_int_equal(__get_free_page(GFP_KERNEL), 0);
	rt_fail_alloc_clear(M);
	unsigned long addr = get_zeroed_page(GFP_KERNEL);
	assert_int_not_equal(addr, 0);
	assert_int_equal(((char *)addr)[100], 0);
	free_page(addr);
	__free_page(a);
	__free_page(b);
	__free_page(d);
	assert_int_equal(rt_violation_count(M), 0);
}

static void test_zeroing(void **state)
{
	(void)state;
	struct page *p = alloc_page(GFP_KERNEL);
	memset(page_address(p), 0xab, PAGE_SIZE);
	__free_page(p);
	struct page *q = alloc_page(GFP_KERNEL | __GFP_ZERO);
	assert_ptr_equal(p, q);         /* LIFO reuse of the same page */
	assert_int_equal(((unsigned char *)page_address(q))[7], 0);
	__free_page(q);
	unsigned long a = __get_free_pages(GFP_KERNEL, 2);
	assert_int_not_equal(a, 0);
	free_pages(a, 2);
	free_pages(0, 3);               /* allowed */
	assert_int_equal(rt_violation_count(M), 0);
}

static FIXTURE void double_freer(void)
{
	struct page *p = alloc_page(GFP_KERNEL);
	__free_page(p);
	__free_page(p);
}

static void test_double_free(void **state)
{
	(void)state;
	double_freer();
	assert_int_equal(nviol(RT_V_DOUBLE_FREE), 1);
	struct rt_violation v = first_viol(RT_V_DOUBLE_FREE);
	assert_string_equal(v.func, "double_freer");
	assert_string_equal(v.api, "__free_page");
}

static void test_bad_free(void **state)
{
	(void)state;
	struct page *p = alloc_pages(GFP_KERNEL, 2);
	__free_pages(p, 1);             /* wrong order: recorded, page still freed */
	assert_int_equal(nviol(RT_V_BAD_ARG), 1);
	assert_int_equal(rt_nr_used_pages(M), 0);
	int x = 0;
	free_page((unsigned long)&x);
	free_page((unsigned long)page_address(pfn_to_page(sec_pfn(0, 0))) + 8);
	assert_int_equal(nviol(RT_V_BAD_PAGE), 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_alloc_free_order0), T(test_movable_goes_to_movable), T(test_compound),
		T(test_order_too_large), T(test_exhaustion), T(test_fail_injection),
		T(test_zeroing), T(test_double_free), T(test_bad_free),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
