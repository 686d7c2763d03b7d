/*
 * page-netmem-mm, negative. Per-frag instead of per-skb: frags for which
 * skb_frag_is_net_iov() is true are skipped (the zerocopy/devmem path
 * handles them), so the skb_frag_page() reached below is a real page and
 * kmap_local_page()/get_page() are fine. Seed devmem-page-pool-struct-page-
 * lookalike ("it does have to be done carefully to isolate the mm").
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

extern unsigned int csum_chunk(const void *p, unsigned int len);

unsigned int csum_readable_frags(const struct sk_buff *skb)
{
	unsigned int csum = 0;
	int i;

	for (i = 0; i < skb_shinfo(skb)->nr_frags; i++) {
		const skb_frag_t *frag = &skb_shinfo(skb)->frags[i];
		struct page *page;
		unsigned char *vaddr;

		if (skb_frag_is_net_iov(frag))
			continue;
		page = skb_frag_page(frag);
		vaddr = kmap_local_page(page);
		csum += csum_chunk(vaddr + skb_frag_off(frag), skb_frag_size(frag));
		kunmap_local(vaddr);
	}
	return csum;
}
