/*
 * page-netmem-mm, positive. Copying a frag reference the pre-netmem way
 * (__skb_frag_ref() was get_page(skb_frag_page(frag))): a get_page() on what
 * may be a net_iov corrupts whatever overlays _refcount in it. Seed
 * devmem-page-pool-struct-page-lookalike lists get_page among the mm calls
 * the net stack must not make on the look-alike; Jason Gunthorpe: "A non-mm
 * owned struct page should not be passed into mm calls." The reference is
 * handed to the destination frag (stored), so it is not a leak.
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

struct frag_copy {
	struct page *page;
	unsigned int off, len;
};

void frag_copy_ref(struct frag_copy *dst, const skb_frag_t *from)
{
	struct page *page = skb_frag_page(from);	/* expect-note: {{page obtained here from skb_frag_page()}} */

	get_page(page);		/* expect-warning: page-netmem-mm {{'page' may be a net_iov, not a struct page (from skb_frag_page()); it must not reach get_page()}} */
	dst->page = page;
	dst->off = skb_frag_off(from);
	dst->len = skb_frag_size(from);
}
