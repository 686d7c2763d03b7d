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

#include <linux/skbuff.h>

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
