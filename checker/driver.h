/* Running a list of TUs, serially or on N threads, printing results in the
 * order of the list, and the exit status. */
#ifndef PAGELIFE_DRIVER_H
#define PAGELIFE_DRIVER_H

#include "compdb.h"
#include "frontend.h"

/* Returns the process exit status (0 clean, 1 findings, 2 input errors). */
int run_jobs(const struct pl_ctx *ctx, const struct tu_jobs *jobs);

#endif
