/*
 * page-netmem-mm, positive. A netmem is converted with netmem_to_page() and
 * handed to page_address() without asking netmem_is_net_iov() first. For
 * device memory (devmem TCP) the netmem is a net_iov, a struct page
 * look-alike the mm knows nothing about. Seed devmem-page-pool-struct-page-
 * lookalike, Jason Gunthorpe: "If net has its own struct page look alike it
 * has to stay entirely inside net. A non-mm owned struct page should not be
 * passed into mm calls."
 */
#include <linux/mm.h>

#include <net/netmem.h>

void *netmem_vaddr(netmem_ref netmem)
{
	struct page *page = netmem_to_page(netmem);	/* expect-note: {{page obtained here from netmem_to_page()}} */

	return page_address(page);	/* expect-warning: page-netmem-mm {{'page' may be a net_iov, not a struct page (from netmem_to_page()); it must not reach page_address(): check netmem_is_net_iov() (or skb_frags_readable()) first}} */
}
