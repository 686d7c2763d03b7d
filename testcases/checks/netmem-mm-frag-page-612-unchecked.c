/*
 * page-netmem-mm, positive, Linux 6.12 semantics. Since devmem TCP
 * (struct net_iov, 6.12) skb_frag_page() returns NULL for a net_iov frag.
 * A helper that maps every frag without skb_frags_readable() or a NULL
 * test is the "net_iov guard removed from an skb helper" defect of issue
 * 14: the page is NULL for an unreadable skb. The 6.12 forms are written
 * here (not in testcases/include), so that the other netmem cases keep
 * the look-alike form.
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

static inline struct page *skb_frag_page(const skb_frag_t *frag)
{
	netmem_ref netmem = frag->netmem;

	if (netmem_is_net_iov(netmem))
		return NULL;
	return netmem_to_page(netmem);
}

extern void memcpy_chunk(void *dst, const void *src, unsigned int len);

int copy_frags_612(const struct sk_buff *skb, unsigned char *to)
{
	int i;

	for (i = 0; i < skb_shinfo(skb)->nr_frags; i++) {
		const skb_frag_t *frag = &skb_shinfo(skb)->frags[i];
		struct page *page = skb_frag_page(frag);	/* expect-note: {{page obtained here from skb_frag_page()}} */
		unsigned char *vaddr = kmap_local_page(page);	/* expect-warning: page-netmem-mm {{'page' is NULL when the frag is a net_iov (skb_frag_page()); test it, or skb_frags_readable(), before kmap_local_page()}} */

		memcpy_chunk(to, vaddr + frag->offset, frag->len);
		kunmap_local(vaddr);
		to += frag->len;
	}
	return 0;
}
