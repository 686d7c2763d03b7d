/*
 * page-netmem-mm, negative. A page the driver allocated itself with
 * alloc_page() is an mm page, whatever it is later attached to: filling it
 * through page_address() and handing it to skb_fill_page_desc() is fine.
 * Only netmem_to_page()/skb_frag_page() results may be net_iovs (seed
 * devmem-page-pool-struct-page-lookalike: "driver will still need to support
 * normal memory besides devmem").
 */
#include <linux/mm.h>
#include <linux/gfp.h>

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

extern void skb_fill_page_desc(struct sk_buff *skb, int i, struct page *page,
			       int off, int size);
extern void memcpy_chunk(void *dst, const void *src, unsigned int len);

int rx_copy_to_new_frag(struct sk_buff *skb, const void *data, unsigned int len)
{
	struct page *page;
	int i = skb_shinfo(skb)->nr_frags;

	if (i >= MAX_SKB_FRAGS || len > PAGE_SIZE)
		return -EINVAL;
	page = alloc_page(GFP_ATOMIC);
	if (!page)
		return -ENOMEM;
	memcpy_chunk(page_address(page), data, len);
	get_page(page);
	put_page(page);
	skb_fill_page_desc(skb, i, page, 0, len);
	return 0;
}
