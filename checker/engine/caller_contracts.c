/* Contracts from the callers, computed before the TU's functions are
 * analysed.  Contracts start empty and only grow: each round re-runs the
 * callers whose own contract changed, so a chain of helpers inherits its
 * first caller's lock, and a recursive call made before the contract is
 * known keeps it empty (the least fixpoint: never more than every path
 * shows).  A call site the dataflow cannot vouch for (the caller was not
 * analysed or did not converge, or its CFG has fewer calls than the AST)
 * empties the callee's contract. */
#include "caller_contracts.h"
#include "analysis.h"
#include "observer.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

#define CONTRACT_ROUNDS 8
#define CONTRACT_NAMES 3 /* callers named in a note */

/* Scopes a caller holds for its callee.  Not frags-readable: that is a
 * fact about one skb, not about the context. */
static const int inferred[] = { SCOPE_RCU, SCOPE_HOTPLUG, SCOPE_PGMAP, SCOPE_PTL, SCOPE_MEMMAP };
#define NINFERRED (sizeof(inferred) / sizeof(inferred[0]))

const char *caller_contract_scope_text(int scope)
{
	switch (scope) {
	case SCOPE_RCU:
		return "an RCU read-side section";
	case SCOPE_HOTPLUG:
		return "the memory hotplug lock";
	case SCOPE_PGMAP:
		return "a pgmap reference";
	case SCOPE_PTL:
		return "the page table lock";
	case SCOPE_MEMMAP:
		return "boot context (__init)";
	default:
		return NULL;
	}
}

/* The calls of one caller to one callee. */
struct edge {
	int caller, callee;
	unsigned ast;          /* direct calls the AST shows */
	int reached, unknown;
	unsigned char d[SCOPE__COUNT]; /* least depth over the reached calls */
	unsigned char arg[PL_CONTRACT_ARGS]; /* least level of each integer argument's pfn */
};

static int edge_cmp(const void *a, const void *b)
{
	const struct pl_cg_call *x = a, *y = b;
	if (x->caller != y->caller)
		return x->caller < y->caller ? -1 : 1;
	return x->callee < y->callee ? -1 : x->callee > y->callee;
}

static struct edge *edges_of(const struct pl_callgraph *g, size_t *n_out)
{
	struct pl_cg_call *c = xmalloc((g->ncalls ? g->ncalls : 1) * sizeof(*c));
	if (g->ncalls) /* g->calls is NULL without calls */
		memcpy(c, g->calls, g->ncalls * sizeof(*c));
	qsort(c, g->ncalls, sizeof(*c), edge_cmp);
	struct edge *e = xcalloc(g->ncalls ? g->ncalls : 1, sizeof(*e));
	size_t n = 0;
	for (size_t i = 0; i < g->ncalls; i++) {
		if (n && e[n - 1].caller == c[i].caller && e[n - 1].callee == c[i].callee) {
			e[n - 1].ast++;
			continue;
		}
		e[n].caller = c[i].caller;
		e[n].callee = c[i].callee;
		e[n].ast = 1;
		e[n].unknown = 1; /* until the caller's dataflow says */
		n++;
	}
	free(c);
	*n_out = n;
	return e;
}

/* Run the caller's dataflow and read the scopes at its calls of each
 * callee that needs a contract. */
static void run_caller(struct pl_fn *fn, struct edge *e, size_t ne, int caller, const char *relevant,
		       const struct pl_callgraph *g, size_t budget)
{
	struct pl_call_depths cd;
	cd.depth = xcalloc(fn->nev ? fn->nev : 1, sizeof(*cd.depth));
	cd.reached = xcalloc(fn->nev ? fn->nev : 1, 1);
	cd.arg_level = xcalloc(fn->nev ? fn->nev : 1, sizeof(*cd.arg_level));
	struct pl_checks_run run = { POLICY_MAINLINE, NULL, fn, NULL, NULL, &cd };
	int how = analyse_function(fn, &run, budget);
	int trusted = !(how & (PL_SKIPPED | PL_NOT_CONVERGED));
	for (size_t k = 0; k < ne; k++) {
		if (e[k].caller != caller || !relevant[e[k].callee])
			continue;
		const char *name = g->fn[e[k].callee].name;
		unsigned seen = 0;
		e[k].reached = 0;
		memset(e[k].d, 0, sizeof(e[k].d));
		for (size_t ev = 0; ev < fn->nev; ev++) {
			if (fn->ev[ev].kind != EV_CALL)
				continue;
			const struct pl_call *c = &fn->calls[fn->ev[ev].aux];
			if (c->is_macro || strcmp(c->name, name))
				continue;
			seen++;
			if (!cd.reached[ev])
				continue; /* on no path: never made */
			for (int s = 0; s < SCOPE__COUNT; s++)
				if (!e[k].reached || cd.depth[ev][s] < e[k].d[s])
					e[k].d[s] = cd.depth[ev][s];
			for (int a = 0; a < PL_CONTRACT_ARGS; a++)
				if (!e[k].reached || cd.arg_level[ev][a] < e[k].arg[a])
					e[k].arg[a] = cd.arg_level[ev][a];
			e[k].reached = 1;
		}
		e[k].unknown = !trusted || seen != e[k].ast;
	}
	free(cd.depth);
	free(cd.reached);
	free(cd.arg_level);
}

/* The contract of callee t from its edges; 1 if it changed. */
/* A pfn level a callee can start its integer parameter at: one that does
 * not depend on a scope of the caller (RCU, the PTL) that the callee may
 * not hold; a pgmap only with the pgmap scope inferred too. `held` only
 * for pages something else keeps (memory_bm_next_pfn()): a reference the
 * caller owns is not recorded (transfer.c), since a helper that frees the
 * pages of the address it is given (make_alloc_exact()) would look like a
 * double put. */
static unsigned char arg_contract_level(unsigned char l, const unsigned char *d)
{
	switch (l) {
	case L_ONLINE:
	case L_HELD:
		return l;
	case L_PGMAP:
		return d[SCOPE_PGMAP] ? l : 0;
	default:
		return 0;
	}
}

static int update_contract(struct pl_fn *fn, const struct edge *e, size_t ne, int t)
{
	unsigned char d[SCOPE__COUNT] = { 0 };
	unsigned char arg[PL_CONTRACT_ARGS] = { 0 };
	int any = 0, unknown = 0;
	for (size_t k = 0; k < ne; k++) {
		if (e[k].callee != t)
			continue;
		if (e[k].unknown)
			unknown = 1;
		if (!e[k].reached)
			continue;
		for (size_t i = 0; i < NINFERRED; i++) {
			int s = inferred[i];
			unsigned char v = e[k].d[s] ? 1 : 0; /* a contract opens depth 1 */
			if (!any || v < d[s])
				d[s] = v;
		}
		for (int a = 0; a < PL_CONTRACT_ARGS; a++)
			if (!any || e[k].arg[a] < arg[a])
				arg[a] = e[k].arg[a];
		any = 1;
	}
	if (!any || unknown) {
		memset(d, 0, sizeof(d));
		memset(arg, 0, sizeof(arg));
	}
	for (int a = 0; a < PL_CONTRACT_ARGS; a++)
		arg[a] = arg_contract_level(arg[a], d);
	if (!memcmp(d, fn->entry_depth, sizeof(d)) && !memcmp(arg, fn->entry_arg_level, sizeof(arg)))
		return 0;
	memcpy(fn->entry_depth, d, sizeof(d));
	memcpy(fn->entry_arg_level, arg, sizeof(arg));
	return 1;
}

/* "a(), b()" from the callers of t, for notes and --dump-cfg. */
static char *caller_names(const struct edge *e, size_t ne, int t, const struct pl_callgraph *g)
{
	struct strbuf sb = { 0 };
	int n = 0;
	for (size_t k = 0; k < ne; k++) {
		if (e[k].callee != t || !e[k].reached)
			continue;
		if (n == CONTRACT_NAMES) {
			sb_add(&sb, ", ...");
			break;
		}
		sb_addf(&sb, "%s%s()", n ? ", " : "", g->fn[e[k].caller].name);
		n++;
	}
	return sb_take(&sb);
}

size_t caller_contracts_infer(struct pl_fn **fns, const struct pl_callgraph *g, size_t budget)
{
	size_t n = g->n, ne, runs = 0;
	if (!n)
		return 0;
	struct edge *e = edges_of(g, &ne);
	char *target = xcalloc(n, 1), *relevant = xcalloc(n, 1), *dirty = xcalloc(n, 1);
	for (size_t k = 0; k < ne; k++) {
		int t = e[k].callee;
		target[t] = fns[t] && g->fn[t].is_static && !g->fn[t].opaque;
	}
	/* the functions that will be analysed, then the static callers whose
	 * contract reaches them */
	for (size_t i = 0; i < n; i++)
		relevant[i] = target[i] && fns[i]->creates_objects;
	for (int grew = 1; grew;) {
		grew = 0;
		for (size_t k = 0; k < ne; k++)
			if (relevant[e[k].callee] && target[e[k].caller] && !relevant[e[k].caller])
				relevant[e[k].caller] = grew = 1;
	}
	for (size_t k = 0; k < ne; k++)
		if (relevant[e[k].callee] && fns[e[k].caller])
			dirty[e[k].caller] = 1;
	for (int round = 0; round < CONTRACT_ROUNDS; round++) {
		int any = 0;
		for (size_t c = 0; c < n; c++)
			if (dirty[c]) {
				run_caller(fns[c], e, ne, (int)c, relevant, g, budget);
				dirty[c] = 0;
				runs++;
				any = 1;
			}
		if (!any)
			break;
		for (size_t t = 0; t < n; t++) {
			if (!relevant[t] || !update_contract(fns[t], e, ne, (int)t))
				continue;
			for (size_t k = 0; k < ne; k++) /* its calls see a new entry state */
				if (e[k].caller == (int)t && relevant[e[k].callee])
					dirty[t] = 1;
		}
	}
	for (size_t t = 0; t < n; t++) {
		int any = 0;
		for (int s = 0; s < SCOPE__COUNT; s++)
			any |= relevant[t] && fns[t]->entry_depth[s];
		for (int a = 0; a < PL_CONTRACT_ARGS; a++)
			any |= relevant[t] && fns[t]->entry_arg_level[a];
		if (any)
			fns[t]->entry_callers = caller_names(e, ne, (int)t, g);
	}
	free(e);
	free(target);
	free(relevant);
	free(dirty);
	return runs;
}
