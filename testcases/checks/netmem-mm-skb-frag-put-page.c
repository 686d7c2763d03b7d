/*
 * page-netmem-mm, positive. Releasing the frags of an skb the pre-netmem way
 * (skb_release_data() -> __skb_frag_unref() -> put_page(skb_frag_page())):
 * for a devmem skb the frags are net_iovs and the reference belongs to the
 * page_pool's memory provider, not to the mm. Seed devmem-page-pool-struct-
 * page-lookalike ("get_page, put_page, etc, etc, etc."). The page is passed
 * straight from skb_frag_page() to put_page(), with no variable between.
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

void skb_release_frags(struct sk_buff *skb)
{
	struct skb_shared_info *shinfo = skb_shinfo(skb);
	int i;

	for (i = 0; i < shinfo->nr_frags; i++)
		put_page(skb_frag_page(&shinfo->frags[i]));	/* expect-warning: page-netmem-mm {{may be a net_iov, not a struct page (from skb_frag_page()); it must not reach put_page()}} expect-note: {{page obtained here from skb_frag_page()}} */
	shinfo->nr_frags = 0;
}
