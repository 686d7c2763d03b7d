/*
 * skb frags as page look-alikes: skb_frags_readable() (6.12) and the 6.10
 * form of skb_frag_page(), newer than 6.1, declared here for the test cases.
 */
#ifndef _LINUX_SKBUFF_H
#define _LINUX_SKBUFF_H

#include <linux/types.h>
#include <net/netmem.h>

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
/* Filling one frag (6.12; 6.1 has __skb_frag_set_page()): the page or
 * netmem is the second argument. */
extern void skb_frag_fill_page_desc(skb_frag_t *frag, struct page *page, int off, int size);
extern void skb_frag_fill_netmem_desc(skb_frag_t *frag, netmem_ref netmem, int off, int size);
extern void __skb_frag_set_page(skb_frag_t *frag, struct page *page);
extern void skb_frag_set_page(struct sk_buff *skb, int f, struct page *page);

#endif
