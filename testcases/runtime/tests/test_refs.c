// SPDX-License-Identifier: GPL-2.0
/* references, the holder ledger, flags and leak detection */
#include "rt_test.h"

static FIXTURE void get_and_put(struct page *p)
{
	get_page(p);
	assert_int_equal(page_count(p), 2);
	put_page(p);
}

static void test_get_put(void **state)
{
	(void)state;
	struct page *p = alloc_page(GFP_KERNEL);
	get_and_put(p);
	assert_int_equal(page_count(p), 1);
	get_page(p);
	struct rt_holder_info h[4];
	assert_int_equal(rt_page_holders(M, page_to_pfn(p), h, 4), 2);
	assert_int_equal(h[0].kind, RT_H_REF);
	assert_string_equal(h[0].api, "get_page");
	char fn[64];
	rt_symbolize(h[0].caller, fn, sizeof(fn));
	assert_string_equal(fn, "test_get_put");
	assert_int_equal(rt_page_holders(M, page_to_pfn(p), h, 1), 2);  /* count beyond max */
	put_page(p);
	put_page(p);                    /* drops the allocation: freed */
	assert_int_equal(page_count(p), 0);
	assert_int_equal(rt_nr_used_pages(M), 0);
	assert_int_equal(rt_violation_count(M), 0);
	assert_int_equal(rt_page_holders(M, rt_nr_pfns(M), h, 4), 0);
	assert_int_equal(rt_page_refcount(M, rt_nr_pfns(M)), 0);
	assert_int_equal(rt_page_pins(M, rt_nr_pfns(M)), 0);
}

static FIXTURE void put_twice(struct page *p)
{
	put_page(p);
	put_page(p);
}

static void test_underflow_and_uaf(void **state)
{
	(void)state;
	struct page *p = alloc_page(GFP_KERNEL);
	put_twice(p);
	assert_int_equal(nviol(RT_V_REF_UNDERFLOW), 1);
	struct rt_violation v = first_viol(RT_V_REF_UNDERFLOW);
	assert_string_equal(v.func, "put_twice");
	assert_int_equal(v.pfn, page_to_pfn(p));
	get_page(p);                    /* refcount 0: use after free */
	assert_int_equal(nviol(RT_V_USE_AFTER_FREE), 1);
	assert_false(try_get_page(p));
	assert_int_equal(nviol(RT_V_USE_AFTER_FREE), 2);
	assert_false(get_page_unless_zero(p));  /* its purpose: no violation */
	assert_false(folio_try_get(page_folio(p)));
	assert_int_equal(nviol(RT_V_USE_AFTER_FREE), 2);
	SetPageDirty(p);
	assert_int_equal(nviol(RT_V_USE_AFTER_FREE), 3);
	assert_int_equal(page_count(p), 0);
}

static void test_try_get(void **state)
{
	(void)state;
	struct page *p = alloc_page(GFP_KERNEL);
	assert_true(get_page_unless_zero(p));
	assert_true(try_get_page(p));
	struct folio *f = page_folio(p);
	assert_true(folio_try_get(f));
	folio_get(f);
	assert_int_equal(folio_ref_count(f), 5);
	folio_put(f);
	struct page *arr[3] = { p, p, p };
	release_pages(arr, 3);
	assert_int_equal(page_count(p), 1);
	__free_page(p);
	assert_int_equal(rt_violation_count(M), 0);
}

static void test_flags(void **state)
{
	(void)state;
	struct page *p = alloc_page(GFP_KERNEL);
	assert_false(PageDirty(p));
	assert_true(set_page_dirty(p));
	assert_false(set_page_dirty(p));
	assert_true(PageDirty(p));
	assert_true(folio_test_dirty(page_folio(p)));
	ClearPageDirty(p);
	assert_false(PageDirty(p));
	assert_int_equal(set_page_dirty_lock(p), 1);
	SetPageDirty(p);
	SetPageReserved(p);
	assert_true(PageReserved(p));
	ClearPageReserved(p);
	assert_false(PageReserved(p));
	assert_false(PageLocked(p));
	assert_false(PageUptodate(p));
	assert_false(PageLRU(p));
	assert_false(PageSlab(p));
	assert_false(PageAnon(p));
	assert_false(PageCompound(p));
	assert_false(page_maybe_dma_pinned(p));
	assert_false(folio_maybe_dma_pinned(page_folio(p)));
	__free_page(p);
	assert_false(PageDirty(p));     /* freeing clears flags */
	/* the head of a free block is PageBuddy; reading free pages is allowed */
	bool any = false;
	for (unsigned long i = 0; i < 256; i++)
		any |= PageBuddy(pfn_to_page(sec_pfn(1, i)));
	assert_true(any);
	assert_int_equal(rt_violation_count(M), 0);
}

static FIXTURE void leaky(void *arg)
{
	struct page **out = arg;
	out[0] = alloc_page(GFP_KERNEL);
	out[1] = alloc_page(GFP_KERNEL);
	get_page(out[1]);
	__free_page(out[0]);            /* one released, two references leaked */
}

static FIXTURE void tidy(void *arg)
{
	struct page *p = alloc_page(GFP_KERNEL);
	get_page(p);
	put_page(p);
	__free_page(p);
	(void)arg;
}

static void test_leaks(void **state)
{
	(void)state;
	struct page *pages[2];
	rt_run_fixture(M, "tidy", tidy, NULL);
	assert_int_equal(rt_violation_count(M), 0);
	rt_run_fixture(M, "leaky", leaky, pages);
	assert_int_equal(nviol(RT_V_LEAK), 2);
	struct rt_violation v = first_viol(RT_V_LEAK);
	assert_string_equal(v.fixture, "leaky");
	assert_string_equal(v.holder_func, "leaky");
	assert_int_equal(v.pfn, page_to_pfn(pages[1]));
	/* references taken by the harness are not the fixture's leaks */
	rt_violations_reset(M);
	struct page *h = alloc_page(GFP_KERNEL);
	rt_run_fixture(M, "tidy", tidy, NULL);
	assert_int_equal(rt_violation_count(M), 0);
	__free_page(h);
	put_page(pages[1]);
	put_page(pages[1]);
	assert_int_equal(rt_violation_count(M), 0);
}

static void test_handoff(void **state)
{
	(void)state;
	/* a fixture may drop a reference the harness handed to it */
	struct page *p = alloc_page(GFP_KERNEL);
	get_page(p);
	rt_fixture_begin(M, "handoff");
	put_page(p);
	rt_fixture_end(M);
	assert_int_equal(rt_violation_count(M), 0);
	assert_int_equal(page_count(p), 1);
	__free_page(p);
}

static void test_names(void **state)
{
	(void)state;
	assert_string_equal(rt_holder_kind_name(RT_H_PIN), "pin");
	assert_string_equal(rt_holder_kind_name(-1), "none");
	assert_string_equal(rt_holder_kind_name(RT_NR_HOLDER_KINDS), "none");
	assert_string_equal(rt_violation_kind_name(RT_V_PIN_PUT), "pin-released-with-put");
	assert_string_equal(rt_violation_kind_name(RT_NR_VIOLATION_KINDS), "unknown");
	for (int k = 0; k < RT_NR_VIOLATION_KINDS; k++)
		assert_string_not_equal(rt_violation_kind_name((enum rt_violation_kind)k), "unknown");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_get_put), T(test_underflow_and_uaf), T(test_try_get), T(test_flags),
		T(test_leaks), T(test_handoff), T(test_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
