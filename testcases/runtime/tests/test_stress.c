// SPDX-License-Identifier: GPL-2.0
/*
 * Concurrency: a hot-remove thread adds, onlines, offlines and removes a
 * section in a loop while pfn walkers on other threads look at it.
 *
 *   rcu_walk()    rcu_read_lock(); pfn_active(); pfn_to_page(); ...  never caught
 *   locked_walk() get_online_mems(); pfn_to_online_page(); ...       never caught
 *   valid_walk()  pfn_valid(); pfn_to_page(); ...                    caught
 *
 * The loop runs PAGELIFE_RT_STRESS_ITERS cycles, and on until the unguarded
 * walker has been caught (bounded), so the test is not left to luck.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "kernel_api.h"
#include "rt_model.h"

#define SEC 9
static struct rt_machine *m;
static unsigned long first, npfn;
static int stop;

struct walker { unsigned long seen, sweeps; };

static __attribute__((noinline)) bool rcu_walk(unsigned long pfn)
{
	bool seen = false;
	rcu_read_lock();
	if (pfn_active(pfn)) {
		struct page *page = pfn_to_page(pfn);
		(void)PageReserved(page);
		(void)page_zone(page);
		(void)page_count(page);
		seen = true;
	}
	rcu_read_unlock();
	return seen;
}

static __attribute__((noinline)) bool valid_walk(unsigned long pfn)
{
	if (!pfn_valid(pfn))
		return false;
	struct page *page = pfn_to_page(pfn);
	(void)PageReserved(page);
	(void)page_count(page);
	return true;
}

static __attribute__((noinline)) bool locked_walk(unsigned long pfn)
{
	bool seen = false;
	get_online_mems();
	struct page *page = pfn_to_online_page(pfn);
	if (page) {
		(void)PageReserved(page);
		seen = true;
	}
	put_online_mems();
	return seen;
}

struct job { bool (*fn)(unsigned long); struct walker w; };

static void *job_main(void *arg)
{
	struct job *j = arg;
	while (!__atomic_load_n(&stop, __ATOMIC_ACQUIRE)) {
		for (unsigned long p = first; p < first + npfn; p += 3)
			if (j->fn(p))
				__atomic_fetch_add(&j->w.seen, 1, __ATOMIC_RELAXED);
		__atomic_fetch_add(&j->w.sweeps, 1, __ATOMIC_RELAXED);
	}
	return NULL;
}

int main(void)
{
	const char *it = getenv("PAGELIFE_RT_STRESS_ITERS");
	long iters = it ? atol(it) : 300, max_iters = iters * 20;
	m = rt_machine_create(NULL);
	rt_machine_set_current(m);
	first = rt_section_first_pfn(m, SEC);
	npfn = rt_machine_config(m)->section_pages;

	struct job jobs[3] = { { rcu_walk, { 0, 0 } }, { valid_walk, { 0, 0 } },
			       { locked_walk, { 0, 0 } } };
	pthread_t t[3];
	for (int i = 0; i < 3; i++)
		pthread_create(&t[i], NULL, job_main, &jobs[i]);

	long i;
	int rc = 0;
	for (i = 0; i < max_iters; i++) {
		if (rt_hot_add(m, SEC) || rt_online(m, SEC, RT_ZONE_MOVABLE)) {
			fprintf(stderr, "stress: hot-add/online failed at cycle %ld\n", i);
			rc = 1;
			break;
		}
		struct page *p = alloc_pages(GFP_HIGHUSER_MOVABLE, 0);
		__free_pages(p, 0);
		/* let the walkers see the section online for a moment */
		nanosleep(&(struct timespec){ .tv_nsec = 20000 }, NULL);
		if (rt_hot_remove(m, SEC)) {
			fprintf(stderr, "stress: hot-remove failed at cycle %ld\n", i);
			rc = 1;
			break;
		}
		if (i >= iters && rt_violation_count_func(m, "valid_walk", -1) > 0 &&
		    __atomic_load_n(&jobs[0].w.seen, __ATOMIC_RELAXED) > 0 &&
		    __atomic_load_n(&jobs[2].w.seen, __ATOMIC_RELAXED) > 0)
			break;
	}
	__atomic_store_n(&stop, 1, __ATOMIC_RELEASE);
	for (int k = 0; k < 3; k++)
		pthread_join(t[k], NULL);

	unsigned long rcu_caught = rt_violation_count_func(m, "rcu_walk", -1);
	unsigned long valid_caught = rt_violation_count_func(m, "valid_walk", -1);
	unsigned long locked_caught = rt_violation_count_func(m, "locked_walk", -1);
	printf("stress: %ld hot-remove cycles; rcu_walk saw %lu active pages, caught %lu times; "
	       "locked_walk saw %lu, caught %lu; valid_walk caught %lu times\n",
	       i, jobs[0].w.seen, rcu_caught, jobs[2].w.seen, locked_caught, valid_caught);
	if (rcu_caught || locked_caught) {
		fprintf(stderr, "stress: a walker following the protocol was caught\n");
		rt_report(m, stderr);
		rc = 1;
	}
	if (!valid_caught || !jobs[0].w.seen || !jobs[2].w.seen) {
		fprintf(stderr, "stress: the race was not exercised\n");
		rc = 1;
	}
	if (rt_violation_count(m) != rt_violation_count_kind(m, RT_V_MEMMAP_UNINIT) +
				      rt_violation_count_kind(m, RT_V_MEMMAP_FREED)) {
		fprintf(stderr, "stress: unexpected kinds of violation\n");
		rt_report(m, stderr);
		rc = 1;
	}
	char why[200];
	if (rt_machine_check(m, why, sizeof(why))) {
		fprintf(stderr, "stress: rt_machine_check: %s\n", why);
		rc = 1;
	}
	rt_machine_destroy(m);
	return rc;
}
