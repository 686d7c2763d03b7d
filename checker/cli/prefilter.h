/* The prefilter: skip the TUs that cannot hold a finding without parsing
 * them.  A TU is kept when its own text, the headers of its directory, or
 * any header it includes from outside the tree's shared header directories
 * (include/, arch/ARCH/include) mentions a hot name (hotnames.h).  The hot
 * names are computed once per tree and kept in the cache directory, keyed by
 * the rules' names and the shared headers' sizes and times. */
#ifndef PAGELIFE_PREFILTER_H
#define PAGELIFE_PREFILTER_H

#include <stddef.h>

#include "pagelife.h"

struct prefilter;

/* tree: the kernel tree (the compile database's directory); jobs: its TUs
 * (the architectures they build pick the arch/ARCH/include directories).  cache_dir may
 * be NULL (the name set is then rebuilt each run).  NULL if the tree has no
 * include/ directory (nothing to prefilter against). */
struct prefilter *prefilter_open(const char *tree, const char *cache_dir, const struct pagelife_session *s,
				 const struct pagelife_commands *jobs);
void prefilter_close(struct prefilter *p);
/* 1: the TU may hold a finding, analyse it; 0: it cannot. */
int prefilter_keep(const struct prefilter *p, const struct pagelife_command *job);
/* Drop the jobs that cannot hold a finding (order kept); returns how many. */
size_t prefilter_jobs(const struct prefilter *p, struct pagelife_commands *jobs);
size_t prefilter_name_count(const struct prefilter *p);

#endif
