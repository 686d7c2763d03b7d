/*
 * page-netmem-mm, positive. page_pool's "can this page be recycled?" test
 * reads the refcount of the netmem as a page, and a compound-page test
 * reads its flags. Seed devmem-page-pool-struct-
 * page-lookalike, Yunsheng Lin: "only page_ref_count(), page_is_pfmemalloc()
 * and PageTail() is called for devmem page, which should be easy to ensure
 * that those call for devmem page is consistent with the struct page owned
 * by mm" - exactly the kind of call the mm maintainers object to ("A non-mm
 * owned struct page should not be passed into mm calls").
 */
#include <linux/mm.h>

#include <net/netmem.h>

bool pp_netmem_recyclable(netmem_ref netmem)
{
	struct page *page = netmem_to_page(netmem);	/* expect-note: {{page obtained here from netmem_to_page()}} */

	return page_ref_count(page) == 1;	/* expect-warning: page-netmem-mm {{'page' may be a net_iov, not a struct page (from netmem_to_page()); it must not reach page_ref_count()}} */
}

bool pp_netmem_is_tail(netmem_ref netmem)
{
	struct page *page = netmem_to_page(netmem);	/* expect-note: {{page obtained here from netmem_to_page()}} */

	return PageTail(page);	/* expect-warning: page-netmem-mm {{'page' may be a net_iov, not a struct page (from netmem_to_page()); it must not reach PageTail()}} */
}
