// SPDX-License-Identifier: GPL-2.0
/* the IOMMU-style page table */
#include "rt_test.h"

#define SZ_4K 0x1000ULL
#define SZ_2M 0x200000ULL
#define SZ_1G 0x40000000ULL
#define RW (IOMMU_READ | IOMMU_WRITE)

static struct rt_iopt *PT;

static int pt_setup(void **state)
{
	if (rt_setup(state))
		return -1;
	PT = rt_iopt_create(M);
	return PT ? 0 : -1;
}

static int pt_teardown(void **state)
{
	char why[200];
	if (rt_iopt_check(PT, why, sizeof(why))) {
		fprintf(stderr, "rt_iopt_check: %s\n", why);
		return -1;
	}
	rt_iopt_destroy(PT);
	if (rt_nr_used_pages(M)) {
		fprintf(stderr, "table pages leaked\n");
		return -1;
	}
	return rt_teardown(state);
}

#define P(fn) cmocka_unit_test_setup_teardown(fn, pt_setup, pt_teardown)

struct snap { u64 iova[64], pa[64], size[64]; int prot[64]; int n; };

static int snap_cb(u64 iova, phys_addr_t pa, u64 size, int prot, void *arg)
{
	struct snap *s = arg;
	if (s->n == 64)
		return 1;
	s->iova[s->n] = iova;
	s->pa[s->n] = pa;
	s->size[s->n] = size;
	s->prot[s->n++] = prot;
	return 0;
}

static struct snap snapshot(void)
{
	struct snap s;
	memset(&s, 0, sizeof(s));
	rt_iopt_walk(PT, snap_cb, &s);
	return s;
}

static void test_map_lookup(void **state)
{
	(void)state;
	assert_int_equal(rt_iopt_nr_tables(PT), 1);
	assert_int_equal(rt_iopt_map(PT, 0x1000, 0x80000, 3 * SZ_4K, IOMMU_READ), 0);
	assert_int_equal(rt_iopt_nr_tables(PT), 4);
	assert_int_equal(rt_iopt_iova_to_phys(PT, 0x1000), 0x80000);
	assert_int_equal(rt_iopt_iova_to_phys(PT, 0x2abc), 0x81abc);
	assert_int_equal(rt_iopt_iova_to_phys(PT, 0x4000), 0);
	assert_int_equal(rt_iopt_iova_to_phys(PT, 1ULL << 48), 0);
	struct snap s = snapshot();
	assert_int_equal(s.n, 3);
	assert_int_equal(s.iova[2], 0x3000);
	assert_int_equal(s.pa[2], 0x82000);
	assert_int_equal(s.size[2], SZ_4K);
	assert_int_equal(s.prot[2], IOMMU_READ);
	/* table pages: allocated, unmovable, held as tables */
	unsigned long root = PHYS_PFN(rt_iopt_root_phys(PT));
	struct rt_holder_info h[2];
	assert_int_equal(rt_page_holders(M, root, h, 2), 1);
	assert_int_equal(h[0].kind, RT_H_TABLE);
	assert_int_equal(rt_section_zone(M, (unsigned int)(root / 256)), RT_ZONE_NORMAL);
	assert_int_equal(rt_nr_used_pages(M), 4);
	assert_int_equal(rt_iopt_unmap(PT, 0x1000, 3 * SZ_4K), 3 * SZ_4K);
	assert_int_equal(rt_iopt_nr_tables(PT), 1);     /* empty tables freed */
	assert_int_equal(rt_nr_used_pages(M), 1);
	assert_int_equal(rt_iopt_unmap(PT, 0x1000, SZ_4K), 0);
}

static void test_blocks(void **state)
{
	(void)state;
	/* 2 MiB-aligned iova and paddr: one block entry, no level-3 table */
	assert_int_equal(rt_iopt_map(PT, SZ_1G, 4 * SZ_2M, 2 * SZ_2M, RW), 0);
	assert_int_equal(rt_iopt_nr_tables(PT), 3);
	struct snap s = snapshot();
	assert_int_equal(s.n, 2);
	assert_int_equal(s.size[0], SZ_2M);
	assert_int_equal(rt_iopt_iova_to_phys(PT, SZ_1G + SZ_2M + 5), 5 * SZ_2M + 5);
	/* misaligned paddr: pages instead */
	assert_int_equal(rt_iopt_map(PT, 2 * SZ_1G, SZ_4K, SZ_2M, RW), 0);
	s = snapshot();
	assert_int_equal(s.n, 64);      /* 2 blocks + 512 pages: the walk stopped at 64 */
	assert_int_equal(rt_iopt_unmap(PT, 2 * SZ_1G, SZ_2M), SZ_2M);
	/* unmapping part of a block splits it */
	assert_int_equal(rt_iopt_unmap(PT, SZ_1G + SZ_4K, SZ_4K), SZ_4K);
	assert_int_equal(rt_iopt_iova_to_phys(PT, SZ_1G), 4 * SZ_2M);
	assert_int_equal(rt_iopt_iova_to_phys(PT, SZ_1G + SZ_4K), 0);
	assert_int_equal(rt_iopt_iova_to_phys(PT, SZ_1G + 2 * SZ_4K + 7), 4 * SZ_2M + 2 * SZ_4K + 7);
	assert_int_equal(rt_iopt_nr_tables(PT), 4);
	s = snapshot();
	assert_int_equal(s.n, 64);
	/* across a split block and a whole block */
	assert_int_equal(rt_iopt_unmap(PT, SZ_1G, 2 * SZ_2M), 2 * SZ_2M - SZ_4K);
	assert_int_equal(rt_iopt_nr_tables(PT), 1);
	assert_int_equal(rt_nr_used_pages(M), 1);
}

static void test_errors_leave_table_unchanged(void **state)
{
	(void)state;
	assert_int_equal(rt_iopt_map(PT, 0, 0, SZ_2M, IOMMU_WRITE), 0);
	assert_int_equal(rt_iopt_map(PT, 4 * SZ_2M, 0, SZ_4K, RW), 0);
	struct snap before = snapshot();
	unsigned long used = rt_nr_used_pages(M);
	assert_int_equal(rt_iopt_map(PT, 0x1001, 0, SZ_4K, RW), -EINVAL);
	assert_int_equal(rt_iopt_map(PT, 0, 0x10, SZ_4K, RW), -EINVAL);
	assert_int_equal(rt_iopt_map(PT, 0, 0, 0, RW), -EINVAL);
	assert_int_equal(rt_iopt_map(PT, 0, 0, 100, RW), -EINVAL);
	assert_int_equal(rt_iopt_map(PT, 8 * SZ_2M, 0, SZ_4K, 0), -EINVAL);
	assert_int_equal(rt_iopt_map(PT, 8 * SZ_2M, 0, SZ_4K, 8 | IOMMU_READ), -EINVAL);
	assert_int_equal(rt_iopt_map(PT, 1ULL << 48, 0, SZ_4K, RW), -ERANGE);
	assert_int_equal(rt_iopt_map(PT, (1ULL << 48) - SZ_4K, 0, 2 * SZ_4K, RW), -ERANGE);
	assert_int_equal(rt_iopt_map(PT, 0, 1ULL << 48, SZ_4K, RW), -ERANGE);
	assert_int_equal(rt_iopt_map(PT, 16 * SZ_2M, (1ULL << 48) - SZ_4K, 2 * SZ_4K, RW), -ERANGE);
	assert_int_equal(rt_iopt_map(PT, SZ_2M - SZ_4K, 0, 2 * SZ_4K, RW), -EEXIST);
	assert_int_equal(rt_iopt_map(PT, 4 * SZ_2M - SZ_4K, 0, 3 * SZ_4K, RW), -EEXIST);
	rt_fail_alloc(M, 2, 1);         /* the third of three new tables fails */
	assert_int_equal(rt_iopt_map(PT, 512 * SZ_1G, 0, SZ_4K, RW), -ENOMEM);
	assert_int_equal(rt_iopt_unmap(PT, 3, SZ_4K), -EINVAL);
	assert_int_equal(rt_iopt_unmap(PT, 0, 0), -EINVAL);
	assert_int_equal(rt_iopt_unmap(PT, (1ULL << 48) - SZ_4K, 2 * SZ_4K), -ERANGE);
	rt_fail_alloc(M, 0, 1);         /* the split needs a table */
	assert_int_equal(rt_iopt_unmap(PT, SZ_4K, SZ_4K), -ENOMEM);
	struct snap after = snapshot();
	assert_memory_equal(&before, &after, sizeof(before));
	assert_int_equal(rt_nr_used_pages(M), used);
	assert_int_equal(rt_violation_count(M), 0);
	rt_fail_alloc_clear(M);
	assert_int_equal(rt_iopt_unmap(PT, 0, 1ULL << 40), SZ_2M + SZ_4K);
}

static void test_create_fails(void **state)
{
	(void)state;
	rt_fail_alloc(M, 0, 1);
	assert_null(rt_iopt_create(M));
	rt_iopt_destroy(NULL);
}

/* A crash-dump style walk by physical address through the kernel API, as
 * the seed's devcoredump code does: table pages are pages we own. */
static FIXTURE u64 dump_walk(phys_addr_t table, int level, u64 iova)
{
	struct page *page = pfn_to_page(PHYS_PFN(table));
	u64 *t = kmap_local_page(page), found = 0;
	u64 pte = t[(iova >> (12 + 9 * (3 - level))) & 511];
	kunmap_local(t);
	if (!(pte & RT_IOPTE_VALID))
		return 0;
	if (level < 3 && (pte & RT_IOPTE_TABLE))
		return dump_walk(pte & RT_IOPTE_ADDR_MASK, level + 1, iova);
	found = pte & RT_IOPTE_ADDR_MASK;
	return found;
}

static void test_dump_walk(void **state)
{
	(void)state;
	assert_int_equal(rt_iopt_map(PT, 0x5000, 0x123000, SZ_4K, RW), 0);
	phys_addr_t root = rt_iopt_root_phys(PT);
	assert_int_equal(dump_walk(root, 0, 0x5000), 0x123000);
	assert_int_equal(rt_violation_count(M), 0);
	/* a stale walk after the tables were freed reads free pages */
	struct page *l1 = NULL;
	{
		u64 *t = kmap_local_page(pfn_to_page(PHYS_PFN(root)));
		l1 = pfn_to_page(PHYS_PFN(t[0] & RT_IOPTE_ADDR_MASK));
		kunmap_local(t);
	}
	assert_int_equal(rt_iopt_unmap(PT, 0x5000, SZ_4K), SZ_4K);
	(void)dump_walk(page_to_phys(l1), 1, 0x5000);
	struct rt_violation v = first_viol(RT_V_USE_AFTER_FREE);
	assert_string_equal(v.func, "dump_walk");
	assert_string_equal(v.api, "kmap_local_page");
}

static void test_check_catches_corruption(void **state)
{
	(void)state;
	char why[128];
	assert_int_equal(rt_iopt_map(PT, 0, 0, SZ_4K, RW), 0);
	u64 *root = page_address(pfn_to_page(PHYS_PFN(rt_iopt_root_phys(PT))));
	u64 saved = root[0];
	root[1] = saved;                /* a second reference to the same table */
	assert_int_equal(rt_iopt_check(PT, why, sizeof(why)), -1);
	root[1] = 0;
	root[2] = RT_IOPTE_VALID;       /* a level-0 leaf */
	assert_int_equal(rt_iopt_check(PT, why, sizeof(why)), -1);
	assert_non_null(strstr(why, "bad leaf"));
	root[2] = 0;
	assert_int_equal(rt_iopt_check(PT, why, sizeof(why)), 0);
	assert_int_equal(rt_iopt_unmap(PT, 0, SZ_4K), SZ_4K);
	/* an empty table left behind */
	assert_int_equal(rt_iopt_map(PT, 0, 0, SZ_4K, RW), 0);
	u64 *l1 = page_address(pfn_to_page(PHYS_PFN(root[0] & RT_IOPTE_ADDR_MASK)));
	u64 *l2 = page_address(pfn_to_page(PHYS_PFN(l1[0] & RT_IOPTE_ADDR_MASK)));
	u64 *l3 = page_address(pfn_to_page(PHYS_PFN(l2[0] & RT_IOPTE_ADDR_MASK)));
	u64 e = l3[0];
	l3[0] = 0;
	assert_int_equal(rt_iopt_check(PT, why, sizeof(why)), -1);
	assert_non_null(strstr(why, "empty"));
	l3[0] = e;
	/* an entry pointing at a page that is not a table */
	u64 l2e = l2[0];
	l2[0] = PFN_PHYS(sec_pfn(3, 77)) | RT_IOPTE_VALID | RT_IOPTE_TABLE;
	assert_int_equal(rt_iopt_check(PT, why, sizeof(why)), -1);
	assert_int_equal(rt_iopt_iova_to_phys(PT, 0), 0);       /* a free page reads empty */
	assert_int_equal(nviol(RT_V_USE_AFTER_FREE), 1);
	l2[0] = l2e;
	rt_violations_reset(M);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		P(test_map_lookup), P(test_blocks), P(test_errors_leave_table_unchanged),
		P(test_create_fails), P(test_dump_walk), P(test_check_catches_corruption),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
