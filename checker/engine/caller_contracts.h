/* Caller contracts inferred from the callers: a static function whose every
 * call in the TU is made with a scope held (the page table lock, RCU, the
 * hotplug lock, a pgmap, boot code) starts with that scope open, like a
 * function that says so itself (cfg/contract.h).  The scopes at a call are
 * what the dataflow of the caller computes there, with the caller's own
 * contract at its entry: a fixpoint over the call graph. */
#ifndef PAGELIFE_CALLER_CONTRACTS_H
#define PAGELIFE_CALLER_CONTRACTS_H

#include <stddef.h>

#include "call_graph.h"
#include "cfg.h"

/* fns[i] is the CFG of g->fn[i] (NULL: not lowered).  Only functions the
 * analysis will run on (creates_objects), and their static callers, get a
 * contract: entry_depth and entry_callers.  budget: the per-function memory
 * share of the analysis (analysis.h).  Returns the caller analyses run. */
size_t caller_contracts_infer(struct pl_fn **fns, const struct pl_callgraph *g, size_t budget);

/* "the page table lock" and so on, for notes; NULL for scopes never inferred. */
const char *caller_contract_scope_text(int scope);

#endif
