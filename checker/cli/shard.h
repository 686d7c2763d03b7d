/* --shard=K/N: a deterministic share of the TUs, balanced by size, so that
 * N CI runners together analyse every TU once (then `pagelife merge`). */
#ifndef PAGELIFE_SHARD_H
#define PAGELIFE_SHARD_H

#include <stddef.h>

#include "pagelife.h"

/* "K/N" with 1 <= K <= N <= 100000.  0, or -1. */
int shard_parse(const char *spec, unsigned *k, unsigned *n);

/* Greedy by size: the largest TU first (ties: path, then position) into
 * the bin with the least total (ties: the lowest bin).  bin_of[i] is in
 * [0, nbins).  Pure: the same sizes and paths give the same bins. */
void shard_assign(const unsigned long long *sizes, const char *const *paths, size_t n, unsigned nbins,
		  unsigned *bin_of);

/* Keep only share k (1-based) of n of the jobs, sized by their files. */
void shard_jobs(struct pagelife_commands *jobs, unsigned k, unsigned n);

/* Keep the jobs with keep[i] set (order kept), freeing the others. */
void jobs_keep(struct pagelife_commands *jobs, const unsigned char *keep);

#endif
