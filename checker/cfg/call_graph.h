/* The direct calls between the functions defined in a TU's main file, and
 * which of those functions may also be reached in ways the file does not
 * show as a call (address taken, referenced outside a function body). The
 * input of the contracts inferred from callers (engine/caller_contracts.h). */
#ifndef PAGELIFE_CALL_GRAPH_H
#define PAGELIFE_CALL_GRAPH_H

#include <clang-c/Index.h>
#include <stddef.h>

#include "cfg.h"

struct pl_cg_fn {
	char *name;
	int is_static;  /* internal linkage: no caller outside this TU */
	int opaque;     /* referenced other than by a direct call in a main-file function */
	/* callback slots it is stored into ("address_space_operations.writepage"):
	 * a designated initializer or an assignment to a struct field */
	char **fields;
	size_t nfields, fields_cap;
};

/* One direct call site, in source order per caller. */
struct pl_cg_call {
	int caller, callee; /* indices into fn[] */
};

struct pl_callgraph {
	struct pl_cg_fn *fn; /* in the order of defs[] */
	size_t n;
	struct pl_cg_call *calls;
	size_t ncalls, calls_cap;
};

/* Scan the TU for references to the functions defs[] (definitions in the
 * main file, in TU order): the main file's top-level declarations, and
 * everything after the first of defs[] (headers included late, trace
 * points, can call the file's functions). */
void callgraph_build(struct pl_callgraph *g, CXTranslationUnit tu, const CXCursor *defs, size_t ndefs);
void callgraph_free(struct pl_callgraph *g);

#endif
