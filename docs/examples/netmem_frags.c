/*
 * devmem TCP: a netmem is either a page or a net_iov, a "page look-alike"
 * for device memory that is not host memory.  netmem_to_page() and
 * skb_frag_page() on a net_iov yield a pointer that is not a struct page;
 * it must not reach mm calls.  pagelife reports the first two functions
 * and accepts the last two.
 */
#include <linux/mm.h>
#include <linux/highmem.h>

/* ---- netmem and skb frags: newer than 6.1 (netmem_ref 6.8, net_iov and
 * skb_frags_readable() 6.12), so this file declares them itself, as the
 * test cases do. ---- */
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

void *netmem_vaddr(netmem_ref netmem)
{
	struct page *page = netmem_to_page(netmem);

	return page_address(page);
}

int copy_frags(const struct sk_buff *skb, unsigned char *to)
{
	int i;

	for (i = 0; i < skb_shinfo(skb)->nr_frags; i++) {
		const skb_frag_t *frag = &skb_shinfo(skb)->frags[i];
		unsigned char *vaddr = kmap_local_page(skb_frag_page(frag));

		memcpy_chunk(to, vaddr + skb_frag_off(frag), skb_frag_size(frag));
		kunmap_local(vaddr);
		to += skb_frag_size(frag);
	}
	return 0;
}

/* netmem_address(): only a real page reaches the mm */
void *netmem_address(netmem_ref netmem)
{
	if (netmem_is_net_iov(netmem))
		return NULL;
	return page_address(netmem_to_page(netmem));
}

/* skb_copy_bits() since 6.12: an unreadable skb has no kernel mapping */
int copy_frags_readable(const struct sk_buff *skb, unsigned char *to)
{
	int i;

	if (!skb_frags_readable(skb))
		return -EFAULT;
	for (i = 0; i < skb_shinfo(skb)->nr_frags; i++) {
		const skb_frag_t *frag = &skb_shinfo(skb)->frags[i];
		unsigned char *vaddr = kmap_local_page(skb_frag_page(frag));

		memcpy_chunk(to, vaddr + skb_frag_off(frag), skb_frag_size(frag));
		kunmap_local(vaddr);
		to += skb_frag_size(frag);
	}
	return 0;
}
