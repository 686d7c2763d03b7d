/*
 * page-netmem-mm, negative, Linux 6.12 semantics: the three guards of a
 * frag page since devmem TCP (struct net_iov). skb_frag_page() returns
 * NULL for a net_iov frag, so a NULL test of its result guards (first
 * function); so does skb_frags_readable() made once for the whole skb
 * before the loop (second, skb_copy_bits()'s form) and netmem_is_net_iov()
 * on the frag's netmem, read into a local (third; struct fields are not
 * tracked). With the look-alike rule these were all
 * reported except the readable check.
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

extern void memcpy_chunk(void *dst, const void *src, unsigned int len);

int copy_frags_null_test(const struct sk_buff *skb, unsigned char *to)
{
	int i;

	for (i = 0; i < skb_shinfo(skb)->nr_frags; i++) {
		const skb_frag_t *frag = &skb_shinfo(skb)->frags[i];
		struct page *page = skb_frag_page(frag);
		unsigned char *vaddr;

		if (!page)
			return -EFAULT;
		vaddr = kmap_local_page(page);
		memcpy_chunk(to, vaddr + frag->offset, frag->len);
		kunmap_local(vaddr);
		to += frag->len;
	}
	return 0;
}

int copy_frags_readable_once(const struct sk_buff *skb, unsigned char *to)
{
	int i;

	if (!skb_frags_readable(skb))
		return -EFAULT;
	for (i = 0; i < skb_shinfo(skb)->nr_frags; i++) {
		const skb_frag_t *frag = &skb_shinfo(skb)->frags[i];
		unsigned char *vaddr = kmap_local_page(skb_frag_page(frag));

		memcpy_chunk(to, vaddr + frag->offset, frag->len);
		kunmap_local(vaddr);
		to += frag->len;
	}
	return 0;
}

int copy_frags_netmem_test(const struct sk_buff *skb, unsigned char *to)
{
	int i;

	for (i = 0; i < skb_shinfo(skb)->nr_frags; i++) {
		const skb_frag_t *frag = &skb_shinfo(skb)->frags[i];
		netmem_ref netmem = frag->netmem;
		unsigned char *vaddr;

		if (netmem_is_net_iov(netmem))
			continue;
		vaddr = kmap_local_page(netmem_to_page(netmem));
		memcpy_chunk(to, vaddr + frag->offset, frag->len);
		kunmap_local(vaddr);
		to += frag->len;
	}
	return 0;
}
