/*
 * page-netmem-mm, negative. Code that only compares or offsets frag page
 * pointers, or hands them to net's own helpers, makes no mm call: the
 * look-alike "stays entirely inside net" (seed devmem-page-pool-struct-page-
 * lookalike, Jason Gunthorpe). skb_can_coalesce()'s pointer comparison,
 * pointer arithmetic between two frags, and a net-internal helper are fine.
 */
#include <linux/mm.h>

/* ---- netmem and skb frags: newer than 6.1 (netmem_ref 6.8, net_iov and
 * skb_frags_readable() 6.12), so each case declares them itself. The
 * conversions are declared, not defined: the rules model them, as they do
 * for header inlines the analysis never enters. ---- */
typedef unsigned long netmem_ref;
#define NET_IOV		0x01UL
static inline bool netmem_is_net_iov(const netmem_ref netmem)
{
	return netmem & NET_IOV;
}
extern struct page *netmem_to_page(netmem_ref netmem);
typedef struct skb_frag {
	netmem_ref netmem;
	unsigned int len;
	unsigned int offset;
} skb_frag_t;
#define MAX_SKB_FRAGS	17
struct skb_shared_info {
	u8 nr_frags;
	skb_frag_t frags[MAX_SKB_FRAGS];
};
struct sk_buff {
	unsigned int len, data_len;
	u8 unreadable:1;
	unsigned char *head, *data, *end;
};
#define skb_shinfo(SKB)	((struct skb_shared_info *)((SKB)->end))
static inline bool skb_frags_readable(const struct sk_buff *skb)
{
	return !skb->unreadable;
}
static inline bool skb_frag_is_net_iov(const skb_frag_t *frag)
{
	return netmem_is_net_iov(frag->netmem);
}
static inline unsigned int skb_frag_size(const skb_frag_t *frag)
{
	return frag->len;
}
static inline unsigned int skb_frag_off(const skb_frag_t *frag)
{
	return frag->offset;
}
/* 6.10 form: the frag's netmem as a page, net_iov or not. */
extern struct page *skb_frag_page(const skb_frag_t *frag);

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
