/*
 * page-netmem-mm, negative. Code that only compares or offsets frag page
 * pointers, or hands them to net's own helpers, makes no mm call: the
 * look-alike "stays entirely inside net" (seed devmem-page-pool-struct-page-
 * lookalike, Jason Gunthorpe). skb_can_coalesce()'s pointer comparison,
 * pointer arithmetic between two frags, and a net-internal helper are fine.
 */
#include <linux/mm.h>

#include <linux/skbuff.h>

extern void net_frag_note(struct page *page, unsigned int off);

bool skb_can_coalesce(struct sk_buff *skb, int i, const struct page *page,
		      int off)
{
	if (i) {
		const skb_frag_t *frag = &skb_shinfo(skb)->frags[i - 1];

		return page == skb_frag_page(frag) &&
		       off == skb_frag_off(frag) + skb_frag_size(frag);
	}
	return false;
}

bool frags_adjacent(const skb_frag_t *a, const skb_frag_t *b)
{
	struct page *pa = skb_frag_page(a);
	struct page *pb = skb_frag_page(b);

	net_frag_note(pa, skb_frag_off(a));
	return pa + 1 == pb || netmem_to_page(b->netmem) == pa;
}
