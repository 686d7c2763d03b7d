/*
 * page-netmem-mm, positive. Releasing the frags of an skb the pre-netmem way
 * (skb_release_data() -> __skb_frag_unref() -> put_page(skb_frag_page())):
 * for a devmem skb the frags are net_iovs and the reference belongs to the
 * page_pool's memory provider, not to the mm. Seed devmem-page-pool-struct-
 * page-lookalike ("get_page, put_page, etc, etc, etc."). The page is passed
 * straight from skb_frag_page() to put_page(), with no variable between.
 */
#include <linux/mm.h>

#include <linux/skbuff.h>

void skb_release_frags(struct sk_buff *skb)
{
	struct skb_shared_info *shinfo = skb_shinfo(skb);
	int i;

	for (i = 0; i < shinfo->nr_frags; i++)
		put_page(skb_frag_page(&shinfo->frags[i]));	/* expect-warning: page-netmem-mm {{may be a net_iov, not a struct page (from skb_frag_page()); it must not reach put_page()}} expect-note: {{page obtained here from skb_frag_page()}} */
	shinfo->nr_frags = 0;
}
