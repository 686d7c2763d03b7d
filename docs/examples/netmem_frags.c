/*
 * devmem TCP: a netmem is either a page or a net_iov, a "page look-alike"
 * for device memory that is not host memory.  netmem_to_page() and
 * skb_frag_page() on a net_iov yield a pointer that is not a struct page;
 * it must not reach mm calls.  pagelife reports the first two functions
 * and accepts the last two.
 */
#include <linux/mm.h>
#include <linux/highmem.h>

/* netmem and skb frags are newer than 6.1: testcases/include declares them */
#include <linux/skbuff.h>

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
