/*
 * page-netmem-mm, negative and positive (triage 6.12 P30). A condition that
 * tests `skb_frag_page(f)` and then calls it again on the same frag
 * (net/core/gro.c skb_gro_reset_offset(): `skb_frag_page(frag0) &&
 * !PageHighMem(skb_frag_page(frag0))`) uses the value it just tested: a
 * call whose rule has no effects but its result, repeated with the same
 * variables (or members of them) where the first call has run, yields the
 * first call's value. Not when the first call may not have run (the other
 * side of an ||), and not for another frag.
 */
#include <linux/mm.h>
#include <linux/highmem.h>

typedef unsigned long netmem_ref;
struct net_iov {
	unsigned long pp_magic;
};
static inline bool netmem_is_net_iov(const netmem_ref netmem)
{
	return netmem & 1UL;
}
extern struct page *netmem_to_page(netmem_ref netmem);
typedef struct skb_frag {
	netmem_ref netmem;
	unsigned int len, offset;
} skb_frag_t;
struct shinfo {
	unsigned char nr_frags;
	skb_frag_t frags[17];
};
static inline struct page *skb_frag_page(const skb_frag_t *frag)
{
	netmem_ref netmem = frag->netmem;

	if (netmem_is_net_iov(netmem))
		return NULL;
	return netmem_to_page(netmem);
}
extern int PageHighMem(struct page *page);

int frag0_is_lowmem(const skb_frag_t *frag0)
{
	return skb_frag_page(frag0) && !PageHighMem(skb_frag_page(frag0));
}

int gro_reset(struct shinfo *pinfo, int aligned)
{
	const skb_frag_t *frag0 = &pinfo->frags[0];

	if (pinfo->nr_frags && skb_frag_page(frag0) && !PageHighMem(skb_frag_page(frag0)) && aligned)
		return 1;
	return 0;
}

int maybe_not_called(const skb_frag_t *frag, int quick)
{
	if ((quick || skb_frag_page(frag)) &&
	    PageHighMem(skb_frag_page(frag)))	/* expect-warning: page-netmem-mm {{NULL when the frag is a net_iov}} expect-note: {{obtained here from skb_frag_page()}} */
		return 1;
	return 0;
}

int other_frag(const skb_frag_t *a, const skb_frag_t *b)
{
	return skb_frag_page(a) &&
	       PageHighMem(skb_frag_page(b));	/* expect-warning: page-netmem-mm {{NULL when the frag is a net_iov}} expect-note: {{obtained here from skb_frag_page()}} */
}
