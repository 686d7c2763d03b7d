/*
 * page-netmem-mm, negative. page_pool's release path shape: a net_iov goes
 * back to its memory provider, a real page goes to the mm. The mm calls
 * (put_page(), page_ref_count()) sit only in the else branch, where
 * netmem_is_net_iov() was false. Seed devmem-page-pool-struct-page-
 * lookalike: "most of the mm calls is avoided by calling into the devmem
 * memory provider' ops instead of calling mm calls".
 */
#include <linux/mm.h>

#include <net/netmem.h>

struct page_pool;
extern void mp_release_netmem(struct page_pool *pool, netmem_ref netmem);

void pp_return_netmem(struct page_pool *pool, netmem_ref netmem)
{
	struct page *page;

	if (netmem_is_net_iov(netmem)) {
		mp_release_netmem(pool, netmem);
	} else {
		page = netmem_to_page(netmem);
		put_page(page);
	}
}

bool pp_netmem_is_last_ref(netmem_ref netmem)
{
	return !netmem_is_net_iov(netmem) &&
	       page_ref_count(netmem_to_page(netmem)) == 1;
}
