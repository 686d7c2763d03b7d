/* The kernel API model: what each function (or function-like macro) does to
 * the pages, pfns and addresses passed to it and returned by it.  Loaded from
 * the YAML files in rules/ (format: docs/rules-format.md). */
#ifndef PAGELIFE_RULES_H
#define PAGELIFE_RULES_H

#include <stddef.h>

#include "lattice.h"

#define RULE_MAX_USES 4

/* When a conditional effect applies. */
enum rule_when {
	WHEN_ALWAYS = 0,
	WHEN_TRUE,    /* the call returned non-zero / non-NULL */
	WHEN_FALSE,   /* the call returned zero / NULL */
};

/* Scopes that calls enter and leave (rcu_read_lock(), get_online_mems()...). */
enum rule_scope {
	SCOPE_NONE = 0,
	SCOPE_RCU,
	SCOPE_HOTPLUG,
	SCOPE_PGMAP,
	SCOPE_READABLE,   /* skb frags known readable (not net_iov) */
	SCOPE_PTL,        /* a page table lock */
	SCOPE_MEMMAP,     /* boot code (__init): no hotplug yet, every memmap entry valid */
	SCOPE__COUNT
};

enum rule_release {
	REL_NONE = 0,
	REL_REF,      /* put_page(), folio_put(), release_pages() */
	REL_PIN,      /* unpin_user_page*(), unpin_folio*() */
	REL_FREE,     /* __free_pages(), free_page() */
};

/* A release that depends on the call: helpers that put a page only on
 * failure, or only in one mode. */
enum rule_release_if {
	RELIF_ALWAYS = 0,
	RELIF_RESULT_NONZERO, /* released when the call returns non-zero (0 / -errno helpers) */
	RELIF_ARG_IS,         /* released when integer argument release_if_arg == release_if_value */
	RELIF_ARG_IS_NOT,     /* released when it differs */
};

enum rule_netmem {
	NETMEM_NO = 0,
	NETMEM_ALWAYS,          /* netmem_to_page(): unless the netmem was tested */
	NETMEM_UNLESS_READABLE, /* skb_frag_page(), look-alike form: unless skb_frags_readable() */
	NETMEM_NULL_IF_NET_IOV, /* skb_frag_page() since 6.12: NULL for a net_iov; a NULL test or readable check guards */
};

/* What a GUP call's result says about the pages it filled. */
enum rule_gup_result {
	GUP_RESULT_COUNT = 0, /* the number of pages: nothing filled when <= 0 (the GUP API) */
	GUP_RESULT_ERRNO,     /* 0 or -errno: filled when zero (helpers that wrap GUP) */
	GUP_RESULT_NONE,      /* always filled */
};

enum rule_result {
	RES_UNKNOWN = 0, /* nothing known: caller's responsibility */
	RES_SOURCE,      /* the page/pfn/address of argument `arg`; arbitrary unless that is known */
	RES_SAME,        /* the same page as argument `arg` (page_folio, page_to_pfn, ...) */
	RES_NEW,         /* a new page we hold (alloc_page, find_get_page) */
	RES_ARG,         /* transparent: value of argument `arg` (__builtin_expect) */
};

/* The kind of a call's result, for rules with `returns:`. */
enum rule_returns {
	RETURNS_ANY,      /* a rule without `returns:`; a lookup that does not know */
	RETURNS_BOOL,
	RETURNS_INT,
	RETURNS_POINTER,
};

struct rule {
	char *name;             /* exact name or fnmatch() glob */
	int is_glob;
	const char *file;       /* rules file and line, for messages */
	int line;

	/* arguments whose struct page is read by the call */
	int nuses;
	int uses[RULE_MAX_USES];

	enum rule_result result;
	int result_arg;
	enum pl_level result_level; /* minimum level of the result (L_NONE: none) */
	int result_nullable;
	int result_ptl;             /* under a page table lock the page is mapped: level ptl */

	/* conditional guard: raise argument guard_arg to guard_level when */
	enum pl_level guard_level;
	int guard_arg;
	enum rule_when guard_when;

	/* error-pointer test (IS_ERR): argument err_arg is no page when true */
	int err_arg;            /* -1: none */

	enum rule_scope enter, exit;
	enum rule_when enter_when;  /* pmd_trans_huge_lock(): the scope is entered when the result is non-NULL */

	/* references and pins */
	enum pl_hold acquire_hold;  /* what `guard` to level held or `result: new` acquires */
	int acquire_untracked;      /* hold: none - safe to use, but not a reference to release */
	int movable;                /* results are page-cache pages: possibly movable */
	int release_arg;            /* -1: none */
	enum rule_release release_kind;
	int release_array;          /* releases every element of array argument */
	enum rule_when release_when;/* put_page_testzero(): false = released, true = last ref, ours to free */
	enum rule_release_if release_if;
	int release_if_arg;
	long long release_if_value;
	int gup_pages, gup_flags;   /* GUP: array (or &page) argument, flags argument; -1 none */
	int gup_nr;                 /* GUP: number of pages asked for; -1 none */
	enum pl_hold gup_hold;
	int gup_longterm;           /* always long-term (memfd_pin_folios) */
	enum rule_gup_result gup_result;
	unsigned transfer_mask;     /* arguments whose page ownership passes to the callee */
	int device_query;           /* ZONE_DEVICE queries: page-zone-device-unref */
	int position_only;          /* reads only the zone/node/section bits, which stay while the memory is present */

	/* net_iov look-alikes */
	enum rule_netmem result_netmem;
	int netiov_test_arg;        /* netmem_is_net_iov(): -1 none */
	int readable_test;          /* enum rule_when: when frags are pages (skb_frags_readable(): true) */

	/* API presence: the rule applies only in a TU that declares each of
	 * these names (indices into rules.api_names) */
#define RULE_MAX_REQUIRES 4
	int nrequires;
	int requires[RULE_MAX_REQUIRES];
	/* `returns:`: the rule applies only to a call whose result has this
	 * kind (an API whose success value changed between kernels) */
	enum rule_returns returns;
};

/* A callback slot ("address_space_operations.writepage") whose caller
 * holds a reference on some page or folio arguments for the whole call. */
struct rule_callback {
	char *field;     /* "struct_name.field" */
	unsigned holds;  /* argument bits */
	const char *file;
	int line;
};

struct rules {
	struct rule *v;
	size_t n, cap;
	/* exact-name hash index over v (globs are scanned linearly) */
	int *buckets;
	size_t nbuckets;
	int *next;
	int indexed;
	char **short_lived;     /* struct types that live for one operation (vm_fault) */
	size_t nshort_lived, short_lived_cap;
	struct rule_callback *callbacks; /* ops-table fields whose caller holds a page argument */
	size_t ncallbacks, callbacks_cap;
	char **api_names;       /* every name a rule `requires:`, each once */
	size_t napi_names, api_names_cap;
	char **files;           /* names of the loaded files, owned */
	size_t nfiles, files_cap;
};

/* Load every *.yaml file of a directory (sorted by name) or a single file.
 * On error returns -1 and writes a one-line "file:line: what" into err. */
int rules_load_path(struct rules *r, const char *path, char *err, size_t errlen);
/* Build the name index; call once after loading, before threads look up. */
void rules_index(struct rules *r);
/* Later rules with the same name replace earlier ones (--rules overrides). */
const struct rule *rules_lookup(const struct rules *r, const char *name);
/* The same, skipping rules whose `requires:` names the TU does not declare:
 * present[i] says whether api_names[i] is declared (NULL: all are). */
const struct rule *rules_lookup_present(const struct rules *r, const char *name, const unsigned char *present);
/* The same for a call whose result has the kind returns: rules with a
 * different `returns:` are skipped (RETURNS_ANY skips none). */
const struct rule *rules_lookup_call(const struct rules *r, const char *name, const unsigned char *present,
				     enum rule_returns returns);
/* Argument bits the caller of a function stored into field ("struct.field")
 * holds a reference on for the call; 0: none known. */
unsigned rules_callback_holds(const struct rules *r, const char *field);
void rules_free(struct rules *r);
/* Is `struct name` listed under short-lived-structs (stores into it are not long-term)? */
int rules_short_lived_struct(const struct rules *r, const char *name);

const char *rule_scope_name(enum rule_scope s);

/* Can a call to it make a tracked page (a source, an acquisition, a release,
 * GUP, a net_iov look-alike)?  A function without such a call cannot hold a
 * finding: the engine skips it, and the prefilter skips TUs without one. */
int rule_creates_objects(const struct rule *ru);

#endif
