/* The abstract values pagelife tracks for page pointers, pfns and addresses,
 * and how they combine when control flow joins. */
#ifndef PAGELIFE_LATTICE_H
#define PAGELIFE_LATTICE_H

#include <stdint.h>

/* What kind of value a variable or temporary holds. */
enum pl_vkind {
	VK_BOTTOM = 0, /* no value yet, or NULL: the identity of join */
	VK_NONE,       /* an integer nothing is known about: a pfn from it is arbitrary */
	VK_OBJ,        /* a page object tracked since it was obtained here */
	VK_CALLER,     /* a pointer whose page is the caller's responsibility */
	VK_FACT,       /* a condition: what becomes true of an object when it holds */
};

/* Guarantees of a tracked page, weakest first: join takes the minimum. */
enum pl_level {
	L_NONE = 0,       /* "no level" in rules */
	L_RELEASED,       /* this code dropped its reference or freed the page */
	L_ARBITRARY,      /* from an arbitrary pfn/physaddr: nothing keeps it valid */
	L_VALID_ONLY,     /* pfn_valid() only: memmap exists but may be uninitialised or go away */
	L_ACTIVE_NORCU,   /* pfn_active() checked outside an RCU read-side section */
	L_RCU_EXPIRED,    /* was pfn_active() under RCU, the section has ended */
	L_ONLINE,         /* pfn_to_online_page(): mainline rule; racy against hot-remove */
	L_RCU_ACTIVE,     /* pfn_active() under rcu_read_lock(), section still open */
	L_PTL,            /* looked up from a page table entry under its lock: mapped, held by the mapping */
	L_PGMAP,          /* its ZONE_DEVICE pgmap is held */
	L_HELD,           /* we hold a reference or pin, or allocated it */
	L__COUNT
};

/* Fact kinds carried by VK_FACT values until a branch tests them. */
enum pl_fact {
	F_RAISE = 1,    /* when true: raise the object's level to `level` (and acquire `hold`) */
	F_NONNULL,      /* when false: the pointer is NULL */
	F_ERRPTR,       /* when true: the pointer is an error pointer (no page) */
	F_EMPTY,        /* when true: a GUP call filled nothing (ret <= 0; level F_EMPTY_ERRNO: ret != 0) */
	F_NETIOV,       /* when false: the netmem is a real page, not a net_iov */
	F_SCOPE,        /* when true: enter scope `level` (skb_frags_readable()) */
	F_LASTREF,      /* put_page_testzero(): when true the last reference (ours to free), else released */
	F_INTEQ,        /* when true: integer variable `slot` equals `cval` */
	F_RELEASE,      /* when true: the object was released (a helper that puts on failure) */
};

/* What is known of an integer variable's value (flags, modes, error codes):
 * enough to tell that a branch cannot be taken on this path. */
enum pl_const {
	CST_NONE = 0,
	CST_EQ,       /* equals cval */
	CST_NE,       /* differs from cval */
	CST_NOTIN,    /* differs from each small value (0..31) whose bit is set in cval */
};

/* How this function holds a page: the kind is kept after release, so a pin
 * released with put_page() is still known to be a pin. */
enum pl_hold {
	HOLD_NONE = 0,
	HOLD_REF,     /* get_page(), page cache lookups, get_user_pages() */
	HOLD_PIN,     /* pin_user_pages(), FOLL_PIN */
	HOLD_OWNED,   /* alloc_pages() */
};

/* Flags of a value. */
enum pl_pflag {
	PF_HELD = 1,       /* the reference or pin is still owed here: held, not handed over */
	PF_ESCAPED = 2,    /* stored, returned or handed over: no longer ours to release */
	PF_MOVABLE = 4,    /* a plain reference to a possibly movable page (no FOLL_LONGTERM) */
	PF_NETMEM = 8,     /* may be a net_iov look-alike, not a struct page */
	PF_ARRAY = 16,     /* the elements of a page array: updated weakly */
	PF_PAGE_OK = 32,   /* netmem tested not to be a net_iov */
	PF_LONGTERM = 64,  /* integer flags value that contains FOLL_LONGTERM */
	PF_FOLL_PIN = 128, /* integer flags value that contains FOLL_PIN */
};

/* F_EMPTY's level: 1 one page was asked for (!= 1 is empty); this: a
 * 0/-errno result (a helper wrapping GUP), non-zero is empty. */
#define F_EMPTY_ERRNO 2

struct pl_val {
	uint8_t kind;      /* enum pl_vkind */
	uint8_t level;     /* VK_OBJ: enum pl_level; VK_FACT: level to raise to */
	uint8_t fact;      /* VK_FACT: enum pl_fact */
	uint8_t neg;       /* VK_FACT: the fact holds when the value is false */
	uint8_t hold;      /* enum pl_hold: how it was acquired (VK_FACT: what F_RAISE acquires) */
	uint8_t pflags;    /* enum pl_pflag */
	uint8_t refs;      /* references this code holds on it (get_page() twice: 2) */
	uint8_t cst;       /* enum pl_const, about cval */
	uint8_t half;      /* VK_FACT: the condition tells something only when the fact holds */
	uint8_t floor;     /* VK_OBJ: the level left when this code's hold or an RCU section ends
			    * (online after pfn_to_online_page(); held by others after an isolation) */
	uint8_t owed_caller; /* VK_OBJ: pages this code got into a caller's array (GUP) and has not
			      * released: the caller's on success, owed back on an error return */
	uint8_t stored;    /* VK_OBJ/VK_CALLER: stored or handed over on every path here (1); a
			    * reference taken after that went with the stored copy (2) */
	int32_t site;      /* VK_OBJ/VK_FACT: object identity (event index), -1 none */
	int32_t origin_ev; /* event that obtained the page (-1: unknown) */
	int32_t guard_ev;  /* event of the last guard that set the level */
	int32_t end_ev;    /* event that ended a guarantee */
	int32_t slot;      /* VK_FACT: variable slot the fact is about, -1 none */
	int32_t acquire_ev;/* event that took the reference or pin */
	int32_t cval;      /* the constant of cst (VK_FACT F_INTEQ: the value tested) */
};

/* Rank used by join: lower is weaker.  VK_BOTTOM is the identity. */
int pl_val_rank(const struct pl_val *v);
struct pl_val pl_val_join(const struct pl_val *a, const struct pl_val *b);
int pl_val_equal(const struct pl_val *a, const struct pl_val *b);

struct pl_val pl_val_make(enum pl_vkind kind);
struct pl_val pl_val_obj(int site, enum pl_level level, int origin_ev);

/* What v's constant knowledge says of "v == c": 1 yes, 0 no, -1 unknown. */
int pl_val_const_is(const struct pl_val *v, long long c);
/* Record "v == c" (holds) or "v != c"; returns 0 if that contradicts what v knew. */
int pl_val_const_learn(struct pl_val *v, long long c, int holds);

const char *pl_level_name(enum pl_level l);
/* Parse a level name as used in rules files; L__COUNT if unknown. */
enum pl_level pl_level_parse(const char *s);

#endif
