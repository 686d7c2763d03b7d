/*
 * page-netmem-mm, negative. The same copy as skb_copy_bits() does it since
 * devmem TCP (6.12): "if (!skb_frags_readable(skb)) goto fault;" before the
 * frag loop, so every skb_frag_page() below is a real page and
 * kmap_local_page() is fine. Seed devmem-page-pool-struct-page-lookalike:
 * the driver "may need to be aware of that if it can call kmap() or
 * page_address() on the page ... and maybe tell net stack that those pages
 * is not kmap()'able".
 */
#include <linux/mm.h>
#include <linux/highmem.h>

#include <linux/skbuff.h>

extern void memcpy_chunk(void *dst, const void *src, unsigned int len);

int copy_frags_readable(const struct sk_buff *skb, unsigned char *to)
{
	int i;

	if (!skb_frags_readable(skb))
		goto fault;
	for (i = 0; i < skb_shinfo(skb)->nr_frags; i++) {
		const skb_frag_t *frag = &skb_shinfo(skb)->frags[i];
		unsigned char *vaddr = kmap_local_page(skb_frag_page(frag));

		memcpy_chunk(to, vaddr + skb_frag_off(frag), skb_frag_size(frag));
		kunmap_local(vaddr);
		to += skb_frag_size(frag);
	}
	return 0;
fault:
	return -EFAULT;
}
