/* SPDX-License-Identifier: GPL-2.0 */
/*
 * rt_model.h - the harness side of the pagelife runtime model.
 *
 * Fixtures call the kernel API in kernel_api.h; tests and the fixture
 * harness use this header to build a machine (sections, zones, device
 * memory), a user address space and a page cache, to inject allocation
 * failures and hot-remove "preemptions", to run fixtures and to read the
 * violations the model recorded.
 *
 * All model state lives in one struct rt_machine.  The kernel-named
 * functions cannot take it as a parameter (their signatures are the
 * kernel's), so they reach it through the one current-machine pointer set
 * with rt_machine_set_current().
 */
#ifndef PAGELIFE_RT_MODEL_H
#define PAGELIFE_RT_MODEL_H

#include <stdio.h>
#include "kernel_api.h"

#ifdef __cplusplus
extern "C" {
#endif

struct rt_machine;

/* Zone kinds of a section.  RT_ZONE_CMA is ZONE_NORMAL with CMA pageblocks. */
enum rt_zone {
	RT_ZONE_NORMAL,
	RT_ZONE_MOVABLE,
	RT_ZONE_CMA,
	RT_ZONE_DEVICE,
	RT_NR_ZONE_KINDS
};

enum rt_section_state {
	RT_SECTION_ABSENT,      /* no memmap: pfn_valid() is false */
	RT_SECTION_OFFLINE,     /* memmap allocated but poisoned (uninitialised) */
	RT_SECTION_ONLINE,      /* memmap initialised, pages in the buddy */
	RT_SECTION_DEVICE,      /* ZONE_DEVICE memory behind a dev_pagemap */
};

#define RT_MAX_SECTIONS 64
#define RT_NO_PFN (~0UL)

struct rt_config {
	unsigned int nr_sections;       /* <= RT_MAX_SECTIONS */
	unsigned int section_pages;     /* power of two, >= 8 */
	unsigned int subsections;       /* power of two, <= 64, divides section_pages */
	/* Sections present and online at boot, by zone kind (others absent).
	 * boot_zone[i] < 0 means section i is absent at boot. */
	int boot_zone[RT_MAX_SECTIONS];
	/* Negative control for tests: hot-remove does not wait for an RCU
	 * grace period before poisoning the memmap. */
	bool skip_grace_period;
};

/* Defaults: 16 sections of 256 pages, 4 subsections each; sections 0-3
 * NORMAL, 4-5 MOVABLE, 6 CMA online, the rest absent. */
void rt_config_default(struct rt_config *cfg);

struct rt_machine *rt_machine_create(const struct rt_config *cfg);
void rt_machine_destroy(struct rt_machine *m);
void rt_machine_set_current(struct rt_machine *m);
struct rt_machine *rt_machine_current(void);
const struct rt_config *rt_machine_config(const struct rt_machine *m);
unsigned long rt_section_first_pfn(const struct rt_machine *m, unsigned int sec);
unsigned long rt_nr_pfns(const struct rt_machine *m);
enum rt_section_state rt_section_state(struct rt_machine *m, unsigned int sec);
enum rt_zone rt_section_zone(struct rt_machine *m, unsigned int sec);
/* Checks the model's own consistency (refcounts against the holder ledger,
 * buddy lists, section states).  Returns 0 or -1 and writes what is wrong. */
int rt_machine_check(struct rt_machine *m, char *why, size_t len);

/* ---- memory hotplug (kernel-like error codes) --------------------------- */
int rt_hot_add(struct rt_machine *m, unsigned int sec);             /* -EEXIST, -EINVAL */
int rt_online(struct rt_machine *m, unsigned int sec, enum rt_zone zone); /* -EINVAL */
int rt_offline(struct rt_machine *m, unsigned int sec);             /* -EBUSY, -EINVAL, -ENOMEM */
int rt_remove(struct rt_machine *m, unsigned int sec);              /* -EBUSY if online, -EINVAL */
/* offline (if online) + remove, as an ACPI eject does */
int rt_hot_remove(struct rt_machine *m, unsigned int sec);
/* The page and holder that made the last offline/CMA/longterm migration fail. */
struct rt_blocker {
	unsigned long pfn;
	int holder_kind;                /* enum rt_holder_kind, -1 if none */
	const void *holder_caller;
	const char *holder_api;
	char holder_func[64];
};
bool rt_last_blocker(struct rt_machine *m, struct rt_blocker *out);

/* ZONE_DEVICE: memremap_pages()/memunmap_pages() of a whole section.  The
 * first `reserved_subsections` subsections model the driver-reserved area:
 * pfn_valid() but never initialised and never active. */
int rt_devmem_plug(struct rt_machine *m, unsigned int sec, enum memory_type type,
		   unsigned int reserved_subsections, struct dev_pagemap **out);
int rt_devmem_unplug(struct rt_machine *m, struct dev_pagemap *pgmap); /* -EBUSY */

/* CMA: take nr_pages contiguous pages out of CMA sections, migrating movable
 * pages away.  Fails with -EBUSY (and a violation) if a holder blocks it. */
int rt_cma_alloc(struct rt_machine *m, unsigned long nr_pages, unsigned long *pfn);
void rt_cma_release(struct rt_machine *m, unsigned long pfn, unsigned long nr_pages);

/* ---- allocator ---------------------------------------------------------- */
/* The next `after` allocations succeed, the `count` after them fail. */
void rt_fail_alloc(struct rt_machine *m, unsigned long after, unsigned long count);
void rt_fail_alloc_clear(struct rt_machine *m);
unsigned long rt_alloc_calls(struct rt_machine *m);
unsigned long rt_nr_free_pages(struct rt_machine *m, enum rt_zone zone);
unsigned long rt_nr_used_pages(struct rt_machine *m);

/* ---- user address space and page cache ---------------------------------- */
struct mm_struct *rt_mm_create(struct rt_machine *m, unsigned long start,
			       unsigned long npages);
void rt_mm_destroy(struct mm_struct *mm);
/* Fault in npages at addr (page aligned) from `zone` (NORMAL/MOVABLE/CMA). */
int rt_mm_populate(struct mm_struct *mm, unsigned long addr, unsigned long npages,
		   enum rt_zone zone, bool writable);
int rt_mm_unmap(struct mm_struct *mm, unsigned long addr, unsigned long npages);
unsigned long rt_mm_pfn(struct mm_struct *mm, unsigned long addr);  /* RT_NO_PFN if none */
void rt_set_current_mm(struct rt_machine *m, struct mm_struct *mm);

/* A shmem/memfd file of npages whose pages are allocated from `zone`. */
struct file *rt_shmem_file_create(struct rt_machine *m, unsigned long npages,
				  enum rt_zone zone);
void rt_shmem_file_destroy(struct file *file);
unsigned long rt_shmem_pfn(struct file *file, pgoff_t index);

/* net_iov look-alikes (devmem TCP) */
netmem_ref rt_net_iov_alloc(struct rt_machine *m);

/* ---- holders and violations --------------------------------------------- */
enum rt_holder_kind {
	RT_H_ALLOC,     /* the reference an allocation returns */
	RT_H_REF,       /* get_page() & co. */
	RT_H_GUP,       /* get_user_pages() (FOLL_GET) */
	RT_H_PIN,       /* pin_user_pages() (FOLL_PIN) */
	RT_H_MAP,       /* a user mapping or page-cache slot: migratable */
	RT_H_DRIVER,    /* ZONE_DEVICE driver's own reference */
	RT_H_TABLE,     /* an IOMMU page-table page */
	RT_H_PGMAP,     /* get_dev_pagemap() */
	RT_NR_HOLDER_KINDS
};
const char *rt_holder_kind_name(int kind);

struct rt_holder_info {
	int kind;
	bool longterm;
	unsigned int epoch;             /* fixture run that took it; 0: harness */
	const void *caller;
	const char *api;
	int tid;
};
/* Holders of the page at pfn (newest first); returns how many exist. */
int rt_page_holders(struct rt_machine *m, unsigned long pfn,
		    struct rt_holder_info *out, int max);
int rt_page_refcount(struct rt_machine *m, unsigned long pfn);
int rt_page_pins(struct rt_machine *m, unsigned long pfn);

enum rt_violation_kind {
	RT_V_MEMMAP_UNINIT,     /* read of a poisoned, uninitialised memmap */
	RT_V_MEMMAP_FREED,      /* read of the memmap of a removed section */
	RT_V_MEMMAP_ABSENT,     /* pfn that never had a memmap */
	RT_V_BAD_PAGE,          /* NULL or wild struct page pointer */
	RT_V_NET_IOV_MM,        /* a net_iov look-alike handed to mm */
	RT_V_USE_AFTER_FREE,
	RT_V_REF_UNDERFLOW,
	RT_V_DOUBLE_FREE,
	RT_V_PIN_PUT,           /* pin released with put_page()/release_pages() */
	RT_V_GET_UNPIN,         /* reference released with unpin_user_page*() */
	RT_V_UNPIN_UNPINNED,
	RT_V_REF_STOLEN,        /* put of a reference only a mapping/driver holds */
	RT_V_LEAK,              /* reference, pin, lock or mapping held at fixture end */
	RT_V_HOTPLUG_BLOCKED,   /* offline/unplug blocked by an unmovable holder */
	RT_V_CMA_BLOCKED,
	RT_V_LONGTERM_BLOCKED,  /* FOLL_LONGTERM migration blocked by a holder */
	RT_V_LOCK_IMBALANCE,    /* unlock without lock, put_dev_pagemap without get */
	RT_V_SLEEP_IN_RCU,      /* blocking call inside rcu_read_lock() */
	RT_V_BAD_ARG,           /* e.g. __free_pages() with the wrong order */
	RT_NR_VIOLATION_KINDS
};
const char *rt_violation_kind_name(enum rt_violation_kind kind);

struct rt_violation {
	enum rt_violation_kind kind;
	unsigned long pfn;              /* RT_NO_PFN if none */
	const void *caller;             /* return address in the calling code */
	const char *api;                /* the kernel function called */
	char func[64];                  /* function that made the call */
	const char *fixture;            /* running fixture, or NULL */
	int tid;
	long point;                     /* injection point of this run, -1 none */
	unsigned long count;            /* identical occurrences folded in */
	int holder_kind;                /* holder involved (leaks, blocks), -1 */
	const void *holder_caller;
	const char *holder_api;
	char holder_func[64];
	char detail[96];
};

size_t rt_violation_count(struct rt_machine *m);       /* distinct records */
size_t rt_violation_count_kind(struct rt_machine *m, enum rt_violation_kind kind);
/* Occurrences (counts folded in) made from function `func`, of `kind`
 * (kind < 0: any kind). */
unsigned long rt_violation_count_func(struct rt_machine *m, const char *func, int kind);
bool rt_violation_get(struct rt_machine *m, size_t i, struct rt_violation *out);
void rt_violations_reset(struct rt_machine *m);
void rt_violation_print(FILE *f, const struct rt_violation *v);
void rt_report(struct rt_machine *m, FILE *f);
/* "file:line" of a code address via addr2line when installed, else "??". */
void rt_srcline(const void *addr, char *buf, size_t len);
/* Name of the function containing addr (ELF symbol table, then dladdr). */
void rt_symbolize(const void *addr, char *buf, size_t len);

/* ---- fixtures and deterministic injection ------------------------------- */
typedef void (*rt_fixture_fn)(void *arg);
typedef int (*rt_action_fn)(struct rt_machine *m, void *arg);

/* Start a fixture run: references taken from now on belong to it. */
void rt_fixture_begin(struct rt_machine *m, const char *name);
/* End it: record leaks (refs, pins, allocations, pgmap refs, RCU, hotplug
 * lock, kmaps still held), release leaked locks, finish an injected action. */
void rt_fixture_end(struct rt_machine *m);
void rt_run_fixture(struct rt_machine *m, const char *name, rt_fixture_fn fn, void *arg);

/* Make the fixture thread's k-th kernel API call (1-based) run the action on
 * another thread first, and let the action progress as far as it can before
 * the fixture continues.  k = N+1 for a fixture making N calls injects at
 * its end, while what it keeps is still held.  k = 0 disarms. */
void rt_inject_at(struct rt_machine *m, long k, rt_action_fn action, void *arg);
long rt_points_seen(struct rt_machine *m);     /* kernel API calls of the last run */
int rt_injected_result(struct rt_machine *m);  /* the action's return value */

/* Standard actions; arg is the section number cast to a pointer (or the
 * dev_pagemap for rt_action_devmem_unplug). */
int rt_action_hot_remove(struct rt_machine *m, void *sec);
int rt_action_offline(struct rt_machine *m, void *sec);
int rt_action_devmem_unplug(struct rt_machine *m, void *pgmap);

struct rt_explore {
	struct rt_machine *(*setup)(void *arg);    /* builds and sets current */
	void *setup_arg;
	const char *name;
	rt_fixture_fn fixture;
	void *fixture_arg;
	rt_action_fn action;
	void *action_arg;
	/* optional: action arg chosen per run from the fresh machine */
	void *(*action_arg_for)(struct rt_machine *m, void *arg);
	/* optional: inspect each run (k = 0 is the run without injection) */
	void (*on_run)(struct rt_machine *m, long k, void *arg);
	void *on_run_arg;
};
struct rt_explore_result {
	long points;                    /* kernel API calls of the plain run */
	long runs;                      /* points + 2: plain, each call, the end */
	long runs_with_violations;
	long first_violation_point;     /* -1 if none */
	unsigned long kinds;            /* bit mask of violation kinds seen */
};
int rt_explore_run(const struct rt_explore *spec, struct rt_explore_result *res);

#ifdef __cplusplus
}
#endif
#endif /* PAGELIFE_RT_MODEL_H */
