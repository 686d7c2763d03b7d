/* Which slots the states entering a block keep (prune.c). */
#ifndef PAGELIFE_PRUNE_H
#define PAGELIFE_PRUNE_H

#include "analysis.h"

struct pl_slots;

struct pl_prune {
	const struct pl_fn *fn;
	const struct pl_live *reads; /* NULL: keep every slot */
	const struct pl_live *keys;  /* tested ahead (path keys), or NULL */
	char *sticky;                /* per slot: always kept */
	char *mark;                  /* per slot: kept at the block being pruned */
	int *marked;
	size_t nmarked, marked_cap;
	int *sites;                  /* objects a state's kept values are */
	size_t nsites, sites_cap;
	char *keep;                  /* per entry of the state being compacted */
	size_t keep_cap;
	struct pl_slots *extra;      /* per block: kept beyond liveness in some round */
};

struct pl_slots {
	int *v;
	size_t n, cap;
};

/* pairs: the 2 * npairs slots of pointer variables compared in branches. */
void prune_init(struct pl_prune *p, const struct pl_fn *fn, const struct pl_live *reads, const struct pl_live *keys,
		const int *pairs, size_t npairs);
/* Drop from the n states entering block b the values nothing needs. */
void prune_block(struct pl_prune *p, int b, struct pl_state *const *st, size_t n);
void prune_free(struct pl_prune *p);

#endif
