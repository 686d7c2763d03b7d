/*
 * page-netmem-mm, positive. The net_iov test is made on one path only (when
 * the queue is bound to a dmabuf), then the netmem is used as a page on
 * both. On the path where devmem_rx is false nothing ruled out a net_iov:
 * after the join the page may still be one. Seed devmem-page-pool-struct-
 * page-lookalike ("Keeping the struct page in the API is going to make this
 * very hard").
 */
#include <linux/mm.h>

#include <net/netmem.h>

extern void memcpy_chunk(void *dst, const void *src, unsigned int len);

int rx_copy_head(netmem_ref netmem, unsigned int len, bool devmem_rx, void *dst)
{
	struct page *page;

	if (devmem_rx && netmem_is_net_iov(netmem))
		return -EFAULT;
	page = netmem_to_page(netmem);		/* expect-note: {{page obtained here from netmem_to_page()}} */
	memcpy_chunk(dst, page_address(page), len);	/* expect-warning: page-netmem-mm {{'page' may be a net_iov, not a struct page (from netmem_to_page()); it must not reach page_address()}} */
	return 0;
}
