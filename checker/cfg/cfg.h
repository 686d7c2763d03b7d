/* A function body lowered to a control-flow graph of a few event kinds.
 * Control flow inside expressions (&&, ||, ?:, statement expressions) is
 * lowered too, so every event runs on exactly the paths C runs it on. */
#ifndef PAGELIFE_CFG_H
#define PAGELIFE_CFG_H

#include <clang-c/Index.h>
#include <stddef.h>
#include <stdio.h>

#include "rules.h"

enum ev_kind {
	EV_CALL,    /* a call to a function or function-like macro: calls[aux] */
	EV_ASSIGN,  /* slot = value of src (slot -1: a store to memory) */
	EV_UPDATE,  /* slot = slot op something (++, +=): arithmetic on its value */
	EV_DEREF,   /* the page pointer src is dereferenced (->, *, []) */
	EV_COPY,    /* temporary slot = value of src (?:, statement expressions) */
	EV_RESET,   /* slot's address escaped: its value is unknown from here */
	EV_RETURN,  /* return src (null cursor: no value) */
};

struct pl_event {
	int kind;
	int slot;      /* destination slot, or -1 */
	int aux;       /* EV_CALL: index into calls */
	CXCursor cur;  /* the node, for locations */
	CXCursor src;  /* the value operand */
};

/* A call site: a real call, or a function-like macro that has a rule
 * (pfn_to_page() is a macro in most kernel configurations). */
struct pl_call {
	char *name;
	const struct rule *rule;
	int is_macro;
	int nargs;
	CXCursor *args;   /* null cursor where an argument was not found */
	int result_slot;  /* -1: the result is not kept */
	int result_unused;/* a statement of its own: nothing tests the result */
	/* pointer variables passed as such (f(buf), f(&buf->lock)): the call
	 * may change their page fields, whose slots it resets */
	int *bases;
	int nbases;
};

struct pl_block {
	int *ev;                 /* event indices in order */
	size_t nev, ev_cap;
	int *succ;               /* successor blocks */
	size_t nsucc, succ_cap;
	int is_branch;           /* succ[0] when cond is true, succ[1] when false */
	CXCursor cond;
};

/* What a slot holds, for defaults and messages. */
struct pl_slot {
	char *name;       /* variable name, NULL for temporaries */
	int is_pointer;
	int is_param;
	int is_elem;      /* the elements of a page array variable */
	int elem_of_param;/* ... that the caller passed in: storing into it escapes */
	int param_index;  /* position among the parameters, -1 */
	CXCursor decl;    /* the variable; for a field slot, the FieldDecl */
	int is_page;      /* a struct page or struct folio pointer */
	int field_base;   /* a page field read through a pointer variable (buf->page):
			   * that variable's slot; -1 otherwise */
};

struct cursor_map_entry {
	unsigned hash;
	CXCursor key;
	int value;
	int used;
};

struct cursor_map {
	struct cursor_map_entry *e;
	size_t cap, n;
};

struct pl_token {
	unsigned offset;
	int kind;      /* CXTokenKind */
	char *text;
};

/* Rules for functions the API model does not name: the summaries of the
 * TU's own helpers (engine/summary.c).  A callback, so that lowering does
 * not depend on the engine that computes them. */
struct pl_callee_rules {
	const struct rule *(*lookup)(void *ctx, CXCursor callee);
	void *ctx;
	/* API presence (api_presence.h): which names rules `requires:` this
	 * TU declares; a rule whose names are missing does not apply. NULL: all */
	const unsigned char *api_present;
};

struct pl_fn {
	CXTranslationUnit tu;
	CXCursor decl;
	char *name;
	CXFile main_file;
	const struct rules *rules;
	const struct pl_callee_rules *callees; /* helpers of this TU; NULL: none */

	struct pl_event *ev;
	size_t nev, ev_cap;
	struct pl_block *blk;
	size_t nblk, blk_cap;
	struct pl_call *calls;
	size_t ncalls, calls_cap;
	struct pl_slot *slots;
	size_t nslots, slots_cap;

	struct cursor_map vars;   /* VarDecl/ParmDecl -> slot */
	struct cursor_map elems;  /* VarDecl/ParmDecl of a page array -> slot of its elements */
	struct cursor_map temps;  /* expression -> slot of its value */
	struct cursor_map callmap;/* expression -> call index */
	struct cursor_map fieldrefs; /* buf->page expression -> its field slot */
	int *field_slots;         /* the field slots, for invalidation */
	size_t nfield_slots, field_slots_cap;

	struct pl_token *tok;     /* tokens of the body, for macro calls */
	size_t ntok;

	unsigned contracts;       /* enum pl_contract bits (contract.h) */
	long contract_tok[2];     /* token of the boot / lock marker, -1: none */
	/* the contract inferred from the callers (engine/caller_contracts.h):
	 * scope depths every call site in the TU holds, opened at entry */
	unsigned char entry_depth[SCOPE__COUNT];
	/* ... and the level (enum pl_level) every call site's integer argument
	 * has as a pfn: pfn_to_online_page(pfn) checked before the call */
	unsigned char entry_arg_level[8];
	char *entry_callers;      /* "a(), b()": the callers it was inferred from; NULL: none */
	/* page arguments whose reference the caller holds for the whole call:
	 * the function is stored into a callback slot with a `caller-holds`
	 * rule (address_space_operations.writepage); a put here drops another */
	unsigned caller_holds;
	char *caller_holds_slot;  /* that slot, for --dump-cfg and notes; NULL: none */

	int entry, exit;
	int creates_objects;      /* a call that can make a tracked page exists */
};

/* Lower one function definition.  Returns 0, or -1 if the body is absent.
 * callees gives rules for calls of functions the API model does not name. */
int cfg_build(struct pl_fn *fn, CXTranslationUnit tu, CXCursor decl, const struct rules *rules,
	      const struct pl_callee_rules *callees);
/* Per-block live-in sets of slots, sparse (sorted slot lists), so that a
 * function of many short-lived variables costs what is live. */
struct pl_live {
	size_t nblk;
	size_t *start;   /* nblk + 1 offsets into slot */
	int *slot;
};
/* Slots of block b's set: slot[start[b]] .. slot[start[b + 1] - 1]. */
int live_has(const struct pl_live *l, int b, int slot);
void live_free(struct pl_live *l);
/* The variables a branch ahead tests (liveness.c).  Both return 0, or -1
 * when the sets together would hold more than max_entries slots (0: no
 * limit); out is then empty. */
int key_liveness(const struct pl_fn *fn, size_t max_entries, struct pl_live *out);
/* The slots an event ahead may read (a value nothing reads again need not
 * be kept). */
int read_liveness(const struct pl_fn *fn, size_t max_entries, struct pl_live *out);
/* Slots the evaluation of an event or a branch condition may read
 * (event_reads.c): add(ctx, slot) for each, possibly more than once. */
void event_reads(const struct pl_fn *fn, const struct pl_event *e, void (*add)(void *ctx, int slot), void *ctx);
void cond_reads(const struct pl_fn *fn, CXCursor cond, void (*add)(void *ctx, int slot), void *ctx);
void cfg_free(struct pl_fn *fn);
/* Print the CFG (blocks, events, edges) for tests and --dump-cfg. */
void cfg_dump(const struct pl_fn *fn, FILE *out);

/* Helpers shared with the analysis. */
int cursor_map_get(const struct cursor_map *m, CXCursor c);
void cursor_map_put(struct cursor_map *m, CXCursor c, int value);
void cursor_map_free(struct cursor_map *m);

/* Children of a cursor, in order. */
struct cursor_list {
	CXCursor *v;
	size_t n, cap;
};
void cursor_children(CXCursor c, struct cursor_list *out);
void cursor_list_free(struct cursor_list *l);

/* Operands of a binary node (first and last child); 0 if fewer than two. */
int cursor_two_operands(CXCursor e, CXCursor *l, CXCursor *r);
/* The first / last child that is an expression, or the null cursor. */
CXCursor cursor_first_expr(CXCursor e);
CXCursor cursor_last_expr(CXCursor e);

/* Strip parentheses and implicit conversions. */
CXCursor cursor_strip(CXCursor c);
CXCursor cursor_strip_one(CXCursor c);
/* The value of an integer constant (literal, enumerator, -literal); 0 if e
 * is not one (or is the null cursor). */
int cursor_int_constant(CXCursor e, long long *out);
int type_is_page_pointer(CXType t);
/* struct page *x[N], struct page **x (and folio forms) */
int type_is_page_array(CXType t);
/* Slot of the elements of the page array e names (pages, pages[i], *pages), -1. */
int elem_slot_of(const struct pl_fn *fn, CXCursor e);
int type_is_pointer(CXType t);
int type_is_scalar(CXType t);
/* File offset (in the main file) where the cursor's text starts; -1 if not there. */
long cursor_start_offset(const struct pl_fn *fn, CXCursor c);

#endif
