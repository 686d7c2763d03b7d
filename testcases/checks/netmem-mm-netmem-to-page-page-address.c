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

/* ---- netmem and skb frags: newer than 6.1 (netmem_ref 6.8, net_iov and
 * skb_frags_readable() 6.12), so each case declares them itself. The
 * conversions are declared, not defined: the rules model them, as they do
 * for header inlines the analysis never enters. ---- */
typedef unsigned long netmem_ref;
#define NET_IOV		0x01UL
static inline bool netmem_is_net_iov(const netmem_ref netmem)
{
	return netmem & NET_IOV;
}
extern struct page *netmem_to_page(netmem_ref netmem);

void *netmem_vaddr(netmem_ref netmem)
{
	struct page *page = netmem_to_page(netmem);	/* expect-note: {{page obtained here from netmem_to_page()}} */

	return page_address(page);	/* expect-warning: page-netmem-mm {{'page' may be a net_iov, not a struct page (from netmem_to_page()); it must not reach page_address(): check netmem_is_net_iov() (or skb_frags_readable()) first}} */
}
