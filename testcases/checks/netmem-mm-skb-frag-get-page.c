/*
 * page-netmem-mm, positive. Copying a frag reference the pre-netmem way
 * (__skb_frag_ref() was get_page(skb_frag_page(frag))): a get_page() on what
 * may be a net_iov corrupts whatever overlays _refcount in it. Seed
 * devmem-page-pool-struct-page-lookalike lists get_page among the mm calls
 * the net stack must not make on the look-alike; Jason Gunthorpe: "A non-mm
 * owned struct page should not be passed into mm calls." The reference is
 * handed to the destination frag (stored), so it is not a leak.
 */
#include <linux/mm.h>

#include <linux/skbuff.h>

struct frag_copy {
	struct page *page;
	unsigned int off, len;
};

void frag_copy_ref(struct frag_copy *dst, const skb_frag_t *from)
{
	struct page *page = skb_frag_page(from);	/* expect-note: {{page obtained here from skb_frag_page()}} */

	get_page(page);		/* expect-warning: page-netmem-mm {{'page' may be a net_iov, not a struct page (from skb_frag_page()); it must not reach get_page()}} */
	dst->page = page;
	dst->off = skb_frag_off(from);
	dst->len = skb_frag_size(from);
}
