/*
 * page-netmem-mm, negative. Per-frag instead of per-skb: frags for which
 * skb_frag_is_net_iov() is true are skipped (the zerocopy/devmem path
 * handles them), so the skb_frag_page() reached below is a real page and
 * kmap_local_page()/get_page() are fine. Seed devmem-page-pool-struct-page-
 * lookalike ("it does have to be done carefully to isolate the mm").
 */
#include <linux/mm.h>
#include <linux/highmem.h>

#include <linux/skbuff.h>

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
