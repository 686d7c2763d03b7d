/*
 * page-netmem-mm, negative and positive, Linux 6.12: the frags of an
 * xdp_buff or xdp_frame are struct pages. XDP cannot be installed on a
 * device whose queues have a memory provider, and a dmabuf cannot be bound
 * to a device running XDP, so once the code has XDP's shared info
 * (xdp_get_shared_info_from_buff/_frame()) its frags need no NULL test:
 * 6.12 xdp_return_frame(), xdp_return_frame_rx_napi(), xdp_return_buff()
 * (group B15). An skb's frag without a guard is still reported.
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
struct skb_shared_info {
	unsigned char nr_frags;
	skb_frag_t frags[17];
};
struct sk_buff {
	unsigned char unreadable:1;
	unsigned char *end;
};
#define skb_shinfo(SKB) ((struct skb_shared_info *)((SKB)->end))

static inline bool skb_frags_readable(const struct sk_buff *skb)
{
	return !skb->unreadable;
}
static inline struct page *skb_frag_page(const skb_frag_t *frag)
{
	netmem_ref netmem = frag->netmem;

	if (netmem_is_net_iov(netmem))
		return NULL;
	return netmem_to_page(netmem);
}

struct xdp_frame { void *data; unsigned int flags; };
extern struct skb_shared_info *xdp_get_shared_info_from_frame(const struct xdp_frame *frame);
extern void xdp_return(void *data);

void return_frame(struct xdp_frame *xdpf)
{
	struct skb_shared_info *sinfo = xdp_get_shared_info_from_frame(xdpf);
	int i;

	for (i = 0; i < sinfo->nr_frags; i++) {
		struct page *page = skb_frag_page(&sinfo->frags[i]);

		xdp_return(page_address(page));
	}
	xdp_return(xdpf->data);
}

void return_skb_frags(struct sk_buff *skb)
{
	int i;

	for (i = 0; i < skb_shinfo(skb)->nr_frags; i++) {
		struct page *page = skb_frag_page(&skb_shinfo(skb)->frags[i]);	/* expect-note: {{page obtained here from skb_frag_page()}} */

		xdp_return(page_address(page));	/* expect-warning: page-netmem-mm {{NULL when the frag is a net_iov}} */
	}
}
