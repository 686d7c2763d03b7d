/* Caller contracts stated in the comment right above a function:
 * "Must be called with mem_hotplug_lock in write mode.", "Caller must hold
 * the page table lock."  Kernel code says most of its locking rules this
 * way rather than with lockdep asserts, so a comment is visible evidence
 * too, read only for the locks whose scope the analysis knows. */
#ifndef PAGELIFE_COMMENT_CONTRACT_H
#define PAGELIFE_COMMENT_CONTRACT_H

#include "cfg.h"

/* enum pl_contract bits the comment before fn->decl states (0: none). */
unsigned comment_contracts(const struct pl_fn *fn);

/* The same for a comment's text alone (for unit tests). */
unsigned comment_contracts_text(const char *comment, size_t len);

#endif
