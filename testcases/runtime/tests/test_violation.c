// SPDX-License-Identifier: GPL-2.0
/* the violation API, folding, reports, symbolization, self-checks */
#include "rt_test.h"

static FIXTURE void poke(unsigned long pfn)
{
	(void)PageReserved(pfn_to_page(pfn));
}

static void test_folding(void **state)
{
	(void)state;
	for (int i = 0; i < 5; i++)
		poke(sec_pfn(10, 1));
	poke(sec_pfn(10, 2));
	assert_int_equal(rt_violation_count(M), 2);
	struct rt_violation v;
	assert_true(rt_violation_get(M, 0, &v));
	assert_int_equal(v.count, 5);
	assert_int_equal(v.kind, RT_V_MEMMAP_ABSENT);
	assert_string_equal(v.func, "poke");
	assert_string_equal(v.api, "PageReserved");
	assert_null(v.fixture);
	assert_int_equal(v.point, -1);
	assert_int_equal(v.holder_kind, -1);
	assert_false(rt_violation_get(M, 2, &v));
	assert_int_equal(rt_violation_count_func(M, "poke", -1), 6);
	assert_int_equal(rt_violation_count_func(M, "poke", RT_V_MEMMAP_ABSENT), 6);
	assert_int_equal(rt_violation_count_func(M, "poke", RT_V_LEAK), 0);
	assert_int_equal(rt_violation_count_func(M, "nobody", -1), 0);
	rt_violations_reset(M);
	assert_int_equal(rt_violation_count(M), 0);
	poke(sec_pfn(10, 1));
	assert_int_equal(rt_violation_count(M), 1);
	rt_violations_reset(M);
}

static FIXTURE void fixture_with_leak(void *arg)
{
	(void)arg;
	struct page *p = alloc_page(GFP_KERNEL);
	put_page(p);
	put_page(p);
	(void)alloc_page(GFP_KERNEL);
}

static void test_report(void **state)
{
	(void)state;
	rt_run_fixture(M, "fixture_with_leak", fixture_with_leak, NULL);
	for (int i = 0; i < 3; i++)
		poke(sec_pfn(11, 0));
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	rt_report(M, f);
	fclose(f);
	assert_non_null(strstr(buf, "3 violation records"));
	assert_non_null(strstr(buf, "refcount-underflow"));
	assert_non_null(strstr(buf, "in fixture_with_leak() calling put_page()"));
	assert_non_null(strstr(buf, "fixture fixture_with_leak"));
	assert_non_null(strstr(buf, "held as allocation by fixture_with_leak() via alloc_page()"));
	assert_non_null(strstr(buf, "3 times"));
	assert_non_null(strstr(buf, "leak"));
	free(buf);
	/* file:line when addr2line is installed */
	struct rt_violation v;
	assert_true(rt_violation_get(M, 0, &v));
	char where[160];
	rt_srcline(v.caller, where, sizeof(where));
	if (system("command -v addr2line >/dev/null 2>&1") == 0)
		assert_non_null(strstr(where, "test_violation.c:"));
	else
		assert_string_equal(where, "??");
	rt_violations_reset(M);
	buf = NULL;
	f = open_memstream(&buf, &len);
	rt_report(M, f);
	fclose(f);
	assert_non_null(strstr(buf, "0 violation records"));
	free(buf);
}

static void test_symbolize(void **state)
{
	(void)state;
	char name[64];
	rt_symbolize((const char *)(uintptr_t)poke + 4, name, sizeof(name));
	assert_string_equal(name, "poke");
	rt_symbolize((const char *)(uintptr_t)printf + 4, name, sizeof(name));
	assert_non_null(strstr(name, "printf"));
	rt_symbolize((const void *)16, name, sizeof(name));
	assert_string_equal(name, "??");
	char where[64];
	rt_srcline((const void *)16, where, sizeof(where));
	assert_string_equal(where, "??");
}

static void test_many_violations(void **state)
{
	(void)state;
	/* distinct records are capped; the rest are counted as dropped */
	for (unsigned long i = 0; i < 20100; i++)
		(void)pfn_to_page(rt_nr_pfns(M) + i);
	assert_int_equal(rt_violation_count(M), 20000);
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	rt_report(M, f);
	fclose(f);
	assert_non_null(strstr(buf, "100 records dropped"));
	assert_non_null(strstr(buf, "more records"));
	free(buf);
	rt_violations_reset(M);
}

static void test_machine_check(void **state)
{
	(void)state;
	char why[200];
	struct page *p = alloc_page(GFP_KERNEL);
	assert_int_equal(rt_machine_check(M, why, sizeof(why)), 0);
	p->_refcount.counter++;         /* a fixture writing the struct directly */
	assert_int_equal(rt_machine_check(M, why, sizeof(why)), -1);
	assert_non_null(strstr(why, "refcount 2, ledger says 1"));
	p->_refcount.counter--;
	__free_page(p);
	struct page *q = pfn_to_page(sec_pfn(1, 5));    /* a free page */
	q->_refcount.counter = 3;
	assert_int_equal(rt_machine_check(M, why, sizeof(why)), -1);
	assert_non_null(strstr(why, "free page with references"));
	q->_refcount.counter = 0;
	struct folio *fo = folio_alloc(GFP_KERNEL, 1);
	fo->page._pincount.counter = 1;
	assert_int_equal(rt_machine_check(M, why, sizeof(why)), -1);
	assert_non_null(strstr(why, "pincount"));
	fo->page._pincount.counter = 0;
	folio_put(fo);
	assert_int_equal(rt_machine_check(M, why, sizeof(why)), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_folding), T(test_report), T(test_symbolize), T(test_many_violations),
		T(test_machine_check),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
