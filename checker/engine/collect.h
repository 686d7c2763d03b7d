/* Summary mode: the engine run over a helper's body with its page
 * parameters marked, collecting what the body does to them and what it
 * returns.  engine/summary.c turns what is collected into a rule. */
#ifndef PAGELIFE_COLLECT_H
#define PAGELIFE_COLLECT_H

#include <stdint.h>

#include "lattice.h"
#include "rules.h"

/* Sites of the values parameters start with in summary mode. */
#define PARAM_SITE(i) (1000000 + (i))
#define PARAM_ELEM_SITE(i) (1001000 + (i))
/* Identity of a caller's page parameter outside summary mode (VK_CALLER). */
#define CALLER_SITE(i) (1002000 + (i))
/* The parameter whose identity CALLER_SITE(i) a site is, or -1. */
static inline int caller_site_param(int site)
{
	return site >= CALLER_SITE(0) && site < CALLER_SITE(32) ? site - CALLER_SITE(0) : -1;
}

/* Identity of the page in a field slot (buf->page) until it is reset. */
#define FIELD_SITE(slot) (1004000 + (slot))

/* What a field slot holds when nothing is known: the page the structure
 * holds (the caller's, with an identity of its own), stored: a reference
 * taken on it goes with the structure, as for buf->page = page; get_page(). */
static inline struct pl_val field_slot_default(int slot)
{
	struct pl_val v = pl_val_make(VK_CALLER);
	v.site = FIELD_SITE(slot);
	v.stored = 1;
	return v;
}

#define SUMMARY_MAX_RETURNS 16
#define SUMMARY_INT_PARAMS 8

/* One path reaching a return: what it did to page parameters and what it
 * knows of integer parameters and of the returned value. */
struct summary_return {
	unsigned released;      /* page parameters dropped on this path */
	unsigned cond_released; /* ... dropped if the returned value is non-zero */
	unsigned gupped;        /* page array parameters a GUP call filled, still held here */
	uint8_t ret_gup;        /* the returned value is a GUP call's count */
	uint8_t ret_cst;        /* enum pl_const about the returned integer */
	int32_t ret_cval;
	uint8_t arg_cst[SUMMARY_INT_PARAMS];
	int32_t arg_cval[SUMMARY_INT_PARAMS];
};

/* What the summary-mode analysis collects about parameters and returns. */
struct summary_collect {
	struct summary_return rec[SUMMARY_MAX_RETURNS];
	unsigned nrec;
	int rec_overflow;
	int return_ev, multi_return; /* the single return statement, if only one */
	unsigned used, released, released_array, escaped, acquired_all, released_all, returns;
	enum rule_release release_kind;
	int have_ret;
	struct pl_val ret;
	int ret_param; /* the integer parameter whose pfn the returned page came from, -1 */
	int ret_param_seen;
	unsigned gupped;        /* page array parameters some path returns filled by GUP */
	uint8_t gup_hold;       /* enum pl_hold of those pages */
	uint8_t gup_movable;    /* ... taken without FOLL_LONGTERM */
};

#endif
