/*
 * page-netmem-mm, negative. A page the driver allocated itself with
 * alloc_page() is an mm page, whatever it is later attached to: filling it
 * through page_address() and handing it to skb_fill_page_desc() is fine.
 * Only netmem_to_page()/skb_frag_page() results may be net_iovs (seed
 * devmem-page-pool-struct-page-lookalike: "driver will still need to support
 * normal memory besides devmem").
 */
#include <linux/mm.h>
#include <linux/gfp.h>

#include <linux/skbuff.h>

extern void skb_fill_page_desc(struct sk_buff *skb, int i, struct page *page,
			       int off, int size);
extern void memcpy_chunk(void *dst, const void *src, unsigned int len);

int rx_copy_to_new_frag(struct sk_buff *skb, const void *data, unsigned int len)
{
	struct page *page;
	int i = skb_shinfo(skb)->nr_frags;

	if (i >= MAX_SKB_FRAGS || len > PAGE_SIZE)
		return -EINVAL;
	page = alloc_page(GFP_ATOMIC);
	if (!page)
		return -ENOMEM;
	memcpy_chunk(page_address(page), data, len);
	get_page(page);
	put_page(page);
	skb_fill_page_desc(skb, i, page, 0, len);
	return 0;
}
