// SPDX-License-Identifier: GPL-2.0
/*
 * Randomized differential test of the IOMMU page table against a trivially
 * correct model: one entry per 4 KiB granule over two IOVA windows (the
 * bottom 64 MiB and the top 16 MiB of the 48-bit space).
 *
 * PAGELIFE_RT_SEED=<n> replays a run; PAGELIFE_RT_DIFF_OPS sets its length.
 * The seed is printed first and again on any failure.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "kernel_api.h"
#include "rt_model.h"
#include "rt_iopt.h"

#define G 4096ULL
#define SZ_2M (1ULL << 21)
#define TOP (1ULL << 48)
#define LOW_SIZE (64ULL << 20)
#define HIGH_SIZE (16ULL << 20)
#define HIGH_BASE (TOP - HIGH_SIZE)
#define NLOW (LOW_SIZE / G)
#define NHIGH (HIGH_SIZE / G)

struct ref { u64 pa; int prot; };      /* prot 0: unmapped */
static struct ref ref[NLOW + NHIGH];
static uint64_t rng, seed;
static long op_no;
static struct rt_machine *m;
static struct rt_iopt *pt;

#define FAIL(...) do { \
	fprintf(stderr, "iopt_diff: seed=%" PRIu64 " op=%ld: ", seed, op_no); \
	fprintf(stderr, __VA_ARGS__); fputc('\n', stderr); exit(1); } while (0)

static uint64_t rnd(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}
static uint64_t below(uint64_t n) { return n ? rnd() % n : 0; }
static bool chance(unsigned pct) { return below(100) < pct; }

static long gidx(u64 iova)
{
	if (iova < LOW_SIZE)
		return (long)(iova / G);
	if (iova >= HIGH_BASE && iova < TOP)
		return (long)(NLOW + (iova - HIGH_BASE) / G);
	return -1;
}

static u64 ref_lookup(u64 iova)
{
	long i = gidx(iova);
	if (i < 0 || !ref[i].prot)
		return 0;
	return ref[i].pa + (iova & (G - 1));
}

static void check_range(u64 iova, u64 size)
{
	for (u64 a = iova; a < iova + size && a < TOP; a += G) {
		u64 probe = a + below(G);
		if (gidx(a) < 0)
			continue;
		u64 got = rt_iopt_iova_to_phys(pt, probe), want = ref_lookup(probe);
		if (got != want)
			FAIL("iova_to_phys(%#" PRIx64 ") = %#" PRIx64 ", reference %#" PRIx64,
			     probe, got, want);
	}
}

struct cmp { long seen; };

static int walk_cb(u64 iova, phys_addr_t pa, u64 size, int prot, void *arg)
{
	struct cmp *c = arg;
	if (size != G && size != SZ_2M)
		FAIL("leaf of size %#" PRIx64, size);
	for (u64 off = 0; off < size; off += G) {
		long i = gidx(iova + off);
		if (i < 0)
			FAIL("mapping outside the test windows at %#" PRIx64, iova + off);
		if (ref[i].prot != prot || ref[i].pa != pa + off)
			FAIL("walk: %#" PRIx64 " -> %#" PRIx64 " prot %d, reference %#" PRIx64 " prot %d",
			     iova + off, pa + off, prot, ref[i].pa, ref[i].prot);
		c->seen++;
	}
	return 0;
}

static void full_compare(void)
{
	struct cmp c = { 0 };
	rt_iopt_walk(pt, walk_cb, &c);
	long want = 0;
	for (size_t i = 0; i < NLOW + NHIGH; i++)
		want += ref[i].prot != 0;
	if (c.seen != want)
		FAIL("walk saw %ld mapped granules, reference has %ld", c.seen, want);
	char why[200];
	if (rt_iopt_check(pt, why, sizeof(why)))
		FAIL("rt_iopt_check: %s", why);
	if (rt_machine_check(m, why, sizeof(why)))
		FAIL("rt_machine_check: %s", why);
	if (rt_nr_used_pages(m) != rt_iopt_nr_tables(pt))
		FAIL("%lu pages used, %lu tables", rt_nr_used_pages(m), rt_iopt_nr_tables(pt));
	if (rt_violation_count(m))
		FAIL("the model recorded a violation");
}

static int ref_map(u64 iova, u64 pa, u64 size, int prot)
{
	if (!size || ((iova | pa | size) & (G - 1)) || !(prot & 3) || (prot & ~3))
		return -EINVAL;
	if (iova >= TOP || size > TOP - iova || pa >= TOP || size > TOP - pa)
		return -ERANGE;
	for (u64 a = 0; a < size; a += G)
		if (ref[gidx(iova + a)].prot)
			return -EEXIST;
	return 0;
}

static long long ref_unmap(u64 iova, u64 size, bool apply)
{
	if (!size || ((iova | size) & (G - 1)))
		return -EINVAL;
	if (iova >= TOP || size > TOP - iova)
		return -ERANGE;
	long long n = 0;
	for (u64 a = 0; a < size; a += G) {
		long i = gidx(iova + a);
		if (ref[i].prot) {
			n += G;
			if (apply)
				ref[i].prot = 0;
		}
	}
	return n;
}

/* A random range, mostly inside one window; sometimes misaligned or out of
 * range on purpose. */
static void gen_range(u64 *iova, u64 *size)
{
	bool high = chance(20);
	u64 base = high ? HIGH_BASE : 0, span = high ? HIGH_SIZE : LOW_SIZE;
	unsigned kind = (unsigned)below(100);
	if (kind < 60)
		*size = (1 + below(16)) * G;
	else if (kind < 85)
		*size = (1 + below(3)) * SZ_2M;
	else
		*size = (1 + below(700)) * G;
	*iova = base + (chance(35) ? below(span / SZ_2M) * SZ_2M : below(span / G) * G);
	if (*iova + *size > base + span)
		*iova = base + span - *size;
	if (chance(2))
		*iova += 1 + below(G - 1);
	if (chance(1))
		*size = chance(50) ? 0 : *size + 8;
	if (high && chance(4))
		*size += TOP - (*iova + *size) + G * (1 + below(4));   /* crosses 2^48 */
}

static void one_op(void)
{
	u64 iova, size;
	gen_range(&iova, &size);
	bool inject = chance(6);
	if (inject)
		rt_fail_alloc(m, below(3), 1);
	unsigned kind = (unsigned)below(100);
	if (kind < 55) {
		u64 pa = chance(50) ? below(1ULL << 19) * SZ_2M : below(1ULL << 28) * G;
		int prot = 1 + (int)below(3);
		if (chance(2))
			pa |= 0x80;
		if (chance(1))
			prot = chance(50) ? 0 : 5;
		if (chance(1))
			pa = TOP - G;
		int want = ref_map(iova, pa, size, prot);
		int got = rt_iopt_map(pt, iova, pa, size, prot);
		if (got == -ENOMEM && inject && !want) {
			full_compare();                 /* left exactly as it was */
		} else if (got != want) {
			FAIL("map(%#" PRIx64 ", %#" PRIx64 ", %#" PRIx64 ", %d) = %d, reference %d",
			     iova, pa, size, prot, got, want);
		} else if (!got) {
			for (u64 a = 0; a < size; a += G)
				ref[gidx(iova + a)] = (struct ref){ pa + a, prot };
		}
	} else if (kind < 95) {
		long long want = ref_unmap(iova, size, false);
		long long got = rt_iopt_unmap(pt, iova, size);
		if (got == -ENOMEM && inject && want >= 0)
			full_compare();
		else if (got != want)
			FAIL("unmap(%#" PRIx64 ", %#" PRIx64 ") = %lld, reference %lld", iova, size, got, want);
		else if (got > 0)
			ref_unmap(iova, size, true);
	}
	rt_fail_alloc_clear(m);
	if (!((iova | size) & (G - 1)) && size && iova < TOP && size <= TOP - iova)
		check_range(iova, size);
}

int main(void)
{
	const char *s = getenv("PAGELIFE_RT_SEED"), *n = getenv("PAGELIFE_RT_DIFF_OPS");
	seed = s ? strtoull(s, NULL, 0) : (uint64_t)time(NULL) ^ ((uint64_t)clock() << 32);
	if (!seed)
		seed = 1;
	long ops = n ? atol(n) : 6000;
	printf("iopt_diff: seed=%" PRIu64 " ops=%ld (PAGELIFE_RT_SEED=%" PRIu64 " to replay)\n",
	       seed, ops, seed);
	rng = seed;
	m = rt_machine_create(NULL);
	rt_machine_set_current(m);
	pt = rt_iopt_create(m);
	if (!pt)
		FAIL("rt_iopt_create");
	long maps = 0;
	for (op_no = 0; op_no < ops; op_no++) {
		one_op();
		if (op_no % 250 == 0)
			full_compare();
		maps++;
	}
	full_compare();
	/* everything goes away and every table is freed */
	if (rt_iopt_unmap(pt, 0, TOP) < 0)
		FAIL("final unmap");
	memset(ref, 0, sizeof(ref));
	full_compare();
	if (rt_iopt_nr_tables(pt) != 1)
		FAIL("%lu tables left after unmapping everything", rt_iopt_nr_tables(pt));
	rt_iopt_destroy(pt);
	if (rt_nr_used_pages(m))
		FAIL("table pages leaked");
	rt_machine_destroy(m);
	printf("iopt_diff: %ld operations agree with the reference model\n", maps);
	return 0;
}
