/* Running a list of TUs in worker processes (workers.h), printing results
 * in the order of the list, the --stats totals, and the exit status. */
#ifndef PAGELIFE_DRIVER_H
#define PAGELIFE_DRIVER_H

#include "options.h"
#include "pagelife.h"

/* Returns the process exit status (0 clean, 1 findings, 2 input errors or a TU
 * abandoned). */
struct result_cache;
/* cache: reuse and store results (NULL: analyse every TU). */
int run_jobs(struct pagelife_session *s, struct result_cache *cache, const struct pl_options *opt,
	     const struct pagelife_commands *jobs);

#endif
