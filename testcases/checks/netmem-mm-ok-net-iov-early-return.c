/*
 * page-netmem-mm, negative. The kernel's netmem_address() shape: return
 * early for a net_iov, so netmem_to_page() is only reached for real pages
 * and page_address() is fine. This is the isolation seed devmem-page-pool-
 * struct-page-lookalike asks for ("it does have to be done carefully to
 * isolate the mm"). The WARN_ON_ONCE() form is the same test.
 */
#include <linux/mm.h>
#include <linux/highmem.h>

#include <net/netmem.h>

void *netmem_address(netmem_ref netmem)
{
	if (netmem_is_net_iov(netmem))
		return NULL;
	return page_address(netmem_to_page(netmem));
}

int netmem_first_byte(netmem_ref netmem)
{
	unsigned char *vaddr;
	int ret;

	if (WARN_ON_ONCE(netmem_is_net_iov(netmem)))
		return -EINVAL;
	vaddr = kmap_local_page(netmem_to_page(netmem));
	ret = vaddr[0];
	kunmap_local(vaddr);
	return ret;
}
