/* Calls of side-effect-free accessors repeated inside one condition:
 * `skb_frag_page(f) && !PageHighMem(skb_frag_page(f))`. The second call
 * yields the value of the first, so what a test learnt about the first
 * result holds for the second. */
#ifndef PAGELIFE_PURE_CALLS_H
#define PAGELIFE_PURE_CALLS_H

#include <clang-c/Index.h>
#include <stddef.h>

#include "cfg.h"

/* Is every call lowered from l executed whenever the right operand of
 * `l op r` (op && or ||) is? True if l has no ?: and no logical operator
 * of the other kind. */
int pure_prefix_dominates(CXCursor l, enum CXBinaryOperatorKind op);

/* Index of a call in [first, last) of fn with the same callee, a rule
 * without effects and the same simple arguments (variables, members of
 * them), -1 if none. */
int pure_call_find(const struct pl_fn *fn, size_t first, size_t last, const char *name, const struct rule *ru,
		   int nargs, const CXCursor *args);

#endif
