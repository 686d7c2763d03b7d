/* Forward dataflow over page states: values of variables and temporaries,
 * plus the depth of RCU, hotplug and pgmap scopes. */
#ifndef PAGELIFE_ANALYSIS_H
#define PAGELIFE_ANALYSIS_H

#include "cfg.h"
#include "lattice.h"

/* One slot's value in a state. */
struct pl_entry {
	int32_t slot;
	struct pl_val v;
};

/* A state keeps only the slots that still matter, sorted by slot (state.c):
 * a slot that is not there holds VK_BOTTOM, the value of a local nobody
 * assigned yet.  Memory follows what is live, not the function's size. */
struct pl_state {
	int reachable;
	int depth[SCOPE__COUNT];
	size_t n, cap;
	struct pl_entry *e;
	size_t *allocated;   /* bytes of states of the analysis (its budget), or NULL */
};

struct pl_checks_run;  /* checks.h */

/* Paths kept apart per block: states that know different constants of
 * integer variables are not joined, up to this many. */
#define PL_MAX_PATHS 8

struct pl_set {
	size_t n;
	struct pl_state *s[PL_MAX_PATHS + 1]; /* one more while adding */
};

struct pl_analysis {
	const struct pl_fn *fn;
	size_t nslots;
	struct pl_set *in;       /* per block, at fixpoint */
	const char *counter;     /* per slot: updated by ++/+= (a loop counter), not a path key */
	size_t max_paths;        /* path states per block: PL_MAX_PATHS, 1 once the fixpoint is slow */
	const char *cur_live;    /* per slot: tested ahead of the block being joined into (NULL: all) */
	int *pairs;              /* pointer variables compared in branch conditions: a path key */
	size_t npairs;
	struct pl_checks_run *report; /* non-NULL during the reporting pass */
	int converged;
	size_t *allocated;       /* bytes of states allocated so far (state_new) */
};

/* Run to a fixpoint, then replay each block once with the checks attached.
 * Returns 0, or these bits: */
#define PL_NOT_CONVERGED 1 /* the round limit was hit */
#define PL_ONE_PATH 2      /* slow to converge: fell back to one state per block */
#define PL_COARSE 4        /* over its memory share: one state per block from the start */
#define PL_SKIPPED 8       /* even one state per block passed the share: not analysed */
/* budget: bytes the states of this function may take (0: no limit). */
int analyse_function(const struct pl_fn *fn, struct pl_checks_run *run, size_t budget);

/* Value of an expression in a state; *var_slot gets the variable it names. */
struct pl_val eval_expr(const struct pl_fn *fn, const struct pl_state *st, CXCursor e, int *var_slot);
/* Is e "(addr & ~MASK) >> PAGE_SHIFT", an address's page offset inside an
 * aligned block (a huge entry's subpage)? */
int is_in_block_offset(CXCursor e);

/* state.c: sparse states. */
struct pl_state *state_new(const struct pl_analysis *an);
void state_free(struct pl_state *st);
/* The value of slot (VK_BOTTOM when the state does not keep it). */
struct pl_val state_get(const struct pl_state *st, int slot);
/* The value of slot to change in place (kept from now on); valid until
 * the next state_at() or state_set() on st. */
struct pl_val *state_at(struct pl_state *st, int slot);
void state_set(struct pl_state *st, int slot, struct pl_val v);
void state_copy(struct pl_state *dst, const struct pl_state *src);
/* Equal values, depths and reachability (a kept VK_BOTTOM equals none). */
int state_equal(const struct pl_state *a, const struct pl_state *b);
/* Keep only the entries for which keep[k] is set (k: index in st->e), and
 * drop those that hold VK_BOTTOM. */
void state_compact(struct pl_state *st, const char *keep);
/* The values of both states slot by slot, in slot order (VK_BOTTOM where one
 * state has no entry): a merge walk. */
struct state_pair_walk {
	const struct pl_state *a, *b;
	size_t i, j;
};
int state_pair_next(struct state_pair_walk *w, int *slot, struct pl_val *x, struct pl_val *y);

/* path_set.c: the per-block sets of path states. */
void set_add(const struct pl_analysis *an, struct pl_set *set, const struct pl_state *src);
int set_equal(const struct pl_analysis *an, const struct pl_set *a, const struct pl_set *b);
void set_copy(const struct pl_analysis *an, struct pl_set *dst, const struct pl_set *src);
void set_alloc(const struct pl_analysis *an, struct pl_set *set);
void set_free(struct pl_set *set);


/* transfer.c: one event's effect; what a branch condition tells. */
void transfer_event(struct pl_analysis *an, struct pl_state *st, int ev);
void refine(const struct pl_fn *fn, struct pl_state *st, CXCursor cond, int truth);
/* "a == b" / "a != b" of two pointer variables: their slots. */
int pointer_pair(const struct pl_fn *fn, CXCursor cond, int *a, int *b, int *ne);
/* Both values are known to be the same page object. */
int same_page_value(const struct pl_val *x, const struct pl_val *y);

#endif
