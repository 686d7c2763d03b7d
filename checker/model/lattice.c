#include "lattice.h"

#include <string.h>

static const char *const level_names[L__COUNT] = {
	[L_NONE] = "none",
	[L_RELEASED] = "released",
	[L_ARBITRARY] = "arbitrary",
	[L_VALID_ONLY] = "valid",
	[L_ACTIVE_NORCU] = "active-norcu",
	[L_RCU_EXPIRED] = "rcu-expired",
	[L_ONLINE] = "online",
	[L_RCU_ACTIVE] = "active",
	[L_PTL] = "ptl",
	[L_PGMAP] = "pgmap",
	[L_HELD] = "held",
};

static int small(long long c)
{
	return c >= 0 && c < 32;
}

int pl_val_const_is(const struct pl_val *v, long long c)
{
	switch (v->cst) {
	case CST_EQ:
		return v->cval == c;
	case CST_NE:
		return v->cval == c ? 0 : -1;
	case CST_NOTIN:
		return small(c) && ((uint32_t)v->cval >> c) & 1 ? 0 : -1;
	default:
		return -1;
	}
}

int pl_val_const_learn(struct pl_val *v, long long c, int holds)
{
	int was = pl_val_const_is(v, c);
	if (holds) {
		if (was == 0)
			return 0;
		v->cst = CST_EQ;
		v->cval = (int32_t)c;
		return 1;
	}
	if (was == 1)
		return 0;
	if (was == 0 || v->cst == CST_EQ)
		return 1; /* already known */
	if (v->cst == CST_NONE) {
		v->cst = small(c) ? CST_NOTIN : CST_NE;
		v->cval = small(c) ? (int32_t)(1u << c) : (int32_t)c;
	} else if (v->cst == CST_NOTIN && small(c)) {
		v->cval = (int32_t)((uint32_t)v->cval | (1u << c));
	} /* else: one more excluded value is not worth representing */
	return 1;
}

const char *pl_level_name(enum pl_level l)
{
	return l < L__COUNT ? level_names[l] : "?";
}

enum pl_level pl_level_parse(const char *s)
{
	for (int i = 0; i < L__COUNT; i++)
		if (strcmp(level_names[i], s) == 0)
			return (enum pl_level)i;
	return L__COUNT;
}

struct pl_val pl_val_make(enum pl_vkind kind)
{
	struct pl_val v;
	memset(&v, 0, sizeof(v));
	v.kind = (uint8_t)kind;
	v.site = v.origin_ev = v.guard_ev = v.end_ev = v.slot = v.acquire_ev = -1;
	return v;
}

struct pl_val pl_val_obj(int site, enum pl_level level, int origin_ev)
{
	struct pl_val v = pl_val_make(VK_OBJ);
	v.site = site;
	v.level = (uint8_t)level;
	v.origin_ev = origin_ev;
	return v;
}

/*
 * Order, weakest first: NONE < OBJ(released) < ... < OBJ(held) < CALLER.
 * An unknown integer joined with a tracked page stays unknown (a pfn from it
 * is arbitrary again); a caller's page joined with a tracked one is as weak
 * as the tracked one.
 */
int pl_val_rank(const struct pl_val *v)
{
	switch (v->kind) {
	case VK_NONE:
		return 1;
	case VK_OBJ:
		return 2 + v->level;
	case VK_CALLER:
		return 2 + L__COUNT;
	case VK_FACT:
		return 3 + L__COUNT;
	default:
		return 0;
	}
}

int pl_val_equal(const struct pl_val *a, const struct pl_val *b)
{
	return memcmp(a, b, sizeof(*a)) == 0;
}

static struct pl_val join_values(const struct pl_val *a, const struct pl_val *b);

/* A constant known on only one path is not known after the join. */
struct pl_val pl_val_join(const struct pl_val *a, const struct pl_val *b)
{
	struct pl_val r = join_values(a, b);
	if (a->cst != b->cst || a->cval != b->cval) {
		r.cst = CST_NONE;
		r.cval = 0;
	}
	return r;
}

static struct pl_val join_values(const struct pl_val *a, const struct pl_val *b)
{
	if (a->kind == VK_BOTTOM)
		return *b;
	if (b->kind == VK_BOTTOM)
		return *a;
	if (pl_val_equal(a, b))
		return *a;
	if (a->kind == VK_FACT || b->kind == VK_FACT) {
		/* the same condition about the same variable from two calls (pin or
		 * get on two paths into one array) still tells it */
		if (a->kind == VK_FACT && b->kind == VK_FACT && a->fact == b->fact && a->neg == b->neg &&
		    a->slot == b->slot && a->slot >= 0 && a->level == b->level && a->hold == b->hold &&
		    a->cval == b->cval) {
			struct pl_val r = *a;
			r.site = -1;
			return r;
		}
		/* differing conditions tell nothing after the join */
		return pl_val_make(VK_NONE);
	}
	int ra = pl_val_rank(a), rb = pl_val_rank(b);
	const struct pl_val *w, *o;
	if (ra != rb)
		w = ra < rb ? a : b;
	else if (a->site != b->site) /* same strength, different history: keep the
				      * later site (the last alternative written,
				      * e.g. the else branch), deterministic */
		w = a->site > b->site ? a : b;
	else /* one object from two places (joined references): the later origin */
		w = a->origin_ev >= b->origin_ev ? a : b;
	o = w == a ? b : a;
	struct pl_val r = *w;
	/* May-flags (a path may still hold, may be movable, may be a net_iov) are
	 * unions; must-flags (escaped, tested) are intersections.  Array elements
	 * are held only if held on every path: a release loop may run 0 times. */
	uint8_t may = PF_MOVABLE | PF_NETMEM | PF_ARRAY;
	uint8_t must = PF_ESCAPED | PF_PAGE_OK | PF_LONGTERM | PF_FOLL_PIN;
	/* a caller's page on the other path has nothing of ours to escape */
	uint8_t ma = a->kind == VK_CALLER && b->kind == VK_OBJ ? b->pflags : a->pflags;
	uint8_t mb = b->kind == VK_CALLER && a->kind == VK_OBJ ? a->pflags : b->pflags;
	r.pflags = (uint8_t)(((a->pflags | b->pflags) & may) | ((ma & mb) & must));
	/* element-wise release loops clear "held" without freeing the array:
	 * there, held needs every path; a whole release (unpin_user_pages())
	 * joined with a path that kept the pages is a leak on that path */
	int array = (a->pflags | b->pflags) & PF_ARRAY;
	int whole = (a->kind == VK_OBJ && a->level == L_RELEASED) || (b->kind == VK_OBJ && b->level == L_RELEASED);
	int held = (array && !whole) ? (a->pflags & b->pflags & PF_HELD) : ((a->pflags | b->pflags) & PF_HELD);
	if (held)
		r.pflags |= PF_HELD;
	/* the same rule for pages left in a caller's array */
	r.owed_caller = (uint8_t)((array && !whole) ? (a->owed_caller & b->owed_caller)
						     : (a->owed_caller | b->owed_caller));
	/* must: a store on one path only does not take a later reference */
	r.stored = a->stored < b->stored ? a->stored : b->stored;
	if (o->refs > r.refs)
		r.refs = o->refs; /* the most any path holds: fewer false use-after-put */
	if (!r.hold && o->hold) {
		r.hold = o->hold;
		r.acquire_ev = o->acquire_ev;
	}
	if ((r.pflags & PF_HELD) && !(w->pflags & PF_HELD) && (o->pflags & PF_HELD))
		r.acquire_ev = o->acquire_ev;
	return r;
}
