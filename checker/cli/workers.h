/* Analysing a list of TUs in a pool of worker processes, each TU under a
 * memory and a time budget, so that a TU that crashes the parser or the
 * analysis, or runs away, costs only itself. */
#ifndef PAGELIFE_WORKERS_H
#define PAGELIFE_WORKERS_H

#include "pagelife.h"

struct worker_limits {
	int jobs;                  /* processes at a time */
	unsigned long long memory; /* bytes of resident memory per worker; 0: no limit */
	unsigned timeout;          /* seconds per TU; 0: no limit */
};

/* Called once per job, in list order.  abandoned is NULL when res holds the
 * TU's result, else what ended the worker ("crashed with SIGSEGV"), and res
 * is empty.  The callback owns res. */
typedef void (*worker_done_fn)(void *ctx, size_t job, struct pagelife_result *res, const char *abandoned);

void workers_run(struct pagelife_session *s, const struct pagelife_commands *jobs, const struct worker_limits *lim,
		 worker_done_fn done, void *ctx);

#endif
