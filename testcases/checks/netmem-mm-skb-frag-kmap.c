/*
 * page-netmem-mm, positive. An skb_copy_bits()-style copy out of the frags:
 * skb_frag_page() then kmap_local_page(), with no skb_frags_readable() test.
 * An skb whose frags are devmem net_iovs ("unreadable") has no kernel
 * mapping at all. Seed devmem-page-pool-struct-page-lookalike, Mina Almasry:
 * "the net stack will grab the 'struct page' for devmem using
 * skb_frag_page() then call things like page_address(), kmap, get_page,
 * put_page"; Jason Gunthorpe: "Yikes, please no."
 */
#include <linux/mm.h>
#include <linux/highmem.h>

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

extern void memcpy_chunk(void *dst, const void *src, unsigned int len);

int copy_frags(const struct sk_buff *skb, unsigned char *to)
{
	int i;

	for (i = 0; i < skb_shinfo(skb)->nr_frags; i++) {
		const skb_frag_t *frag = &skb_shinfo(skb)->frags[i];
		struct page *page = skb_frag_page(frag);	/* expect-note: {{page obtained here from skb_frag_page()}} */
		unsigned char *vaddr = kmap_local_page(page);	/* expect-warning: page-netmem-mm {{'page' may be a net_iov, not a struct page (from skb_frag_page()); it must not reach kmap_local_page(): check netmem_is_net_iov() (or skb_frags_readable()) first}} */

		memcpy_chunk(to, vaddr + skb_frag_off(frag), skb_frag_size(frag));
		kunmap_local(vaddr);
		to += skb_frag_size(frag);
	}
	return 0;
}
