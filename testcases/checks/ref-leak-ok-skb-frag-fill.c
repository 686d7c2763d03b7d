/*
 * page-ref-leak, negative. A page filled into one skb frag is the frag's:
 * skb_frag_fill_page_desc() (6.12), skb_frag_fill_netmem_desc() and
 * __skb_frag_set_page() (6.1) take the frag and then the page, so the
 * page is their second argument, not the third as for
 * skb_fill_page_desc(skb, i, page, off, size).
 */
#include <linux/mm.h>
#include <linux/skbuff.h>

int fill_frag(skb_frag_t *frag, int len)
{
	struct page *page = alloc_page(GFP_KERNEL);

	if (!page)
		return -ENOMEM;
	skb_frag_fill_page_desc(frag, page, 0, len);
	return 0;
}

int fill_frag_netmem(skb_frag_t *frag, int len)
{
	struct page *page = alloc_page(GFP_KERNEL);

	if (!page)
		return -ENOMEM;
	skb_frag_fill_netmem_desc(frag, page_to_netmem(page), 0, len);
	return 0;
}

void set_frag_page(skb_frag_t *frag, struct page *page)
{
	get_page(page);
	__skb_frag_set_page(frag, page);
}

void set_skb_frag_page(struct sk_buff *skb, int f, struct page *page)
{
	get_page(page);
	skb_frag_set_page(skb, f, page);
}
