/* What the engine tells the checks: a page used, released, stored, a
 * return reached, each with the state on that path.  The engine calls
 * these hooks; checks/ implements them (one file per check, one table). */
#ifndef PAGELIFE_OBSERVER_H
#define PAGELIFE_OBSERVER_H

#include "analysis.h"

struct pl_findings;

enum pl_policy {
	POLICY_MAINLINE,
	POLICY_STRICT,
};

/* A page value used by a call from the rules, ->, * or []. */
struct pl_use {
	const struct pl_fn *fn;
	const struct pl_state *st;
	int ev;               /* the use */
	const char *what;     /* "PageReserved()", "'->flags'" */
	CXCursor operand;     /* the page expression */
	struct pl_val val;
	const struct rule *rule; /* the call's rule, NULL for ->, *, [] */
};

/* A reference, pin or allocation given back (put_page(), unpin_user_pages()...). */
struct pl_release {
	const struct pl_fn *fn;
	const struct pl_state *st;
	int ev;
	const char *callee;
	enum rule_release kind;
	CXCursor operand;
	struct pl_val val;    /* before the release */
};

/* A page stored where it outlives the function (or handed to GUP as such). */
struct pl_store {
	const struct pl_fn *fn;
	int ev;
	const char *target;   /* "'->pages[]'" */
	struct pl_val val;
};

/* A return (or the end of the function) with the state on that path. */
struct pl_return {
	const struct pl_fn *fn;
	const struct pl_state *st;
	int ev;
};

struct summary_collect;

/* Scope depths at each call event of a function (per event index; only
 * EV_CALL rows are written): the least over the paths that reach it.
 * `reached` is 0 for a call no path reaches. */
#define PL_CONTRACT_ARGS 8
struct pl_call_depths {
	unsigned char (*depth)[SCOPE__COUNT];
	unsigned char *reached;
	/* the least level (enum pl_level) of each integer argument's pfn, 0
	 * when it is not a page this code knows */
	unsigned char (*arg_level)[PL_CONTRACT_ARGS];
};

struct pl_checks_run {
	enum pl_policy policy;
	const unsigned char *enabled; /* per check index */
	const struct pl_fn *fn;
	struct pl_findings *out;
	struct summary_collect *collect; /* summary mode: record, do not report (no hook runs) */
	struct pl_call_depths *call_depths; /* record scope depths at calls; no hook runs */
};

/* Called by the engine during the reporting pass. */
void checks_on_use(struct pl_checks_run *run, const struct pl_use *u);
void checks_on_release(struct pl_checks_run *run, const struct pl_release *r);
void checks_on_store(struct pl_checks_run *run, const struct pl_store *s);
void checks_on_return(struct pl_checks_run *run, const struct pl_return *r);

#endif
