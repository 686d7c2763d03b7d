/*
 * netmem references: newer than 6.1 (netmem_ref 6.8, net_iov 6.12), so the
 * test cases get them from this header of our own rather than from the
 * kernel headers they model.  netmem_to_page() is declared, not defined:
 * the rules model it, as they do for header inlines the analysis never
 * enters.
 */
#ifndef _NET_NETMEM_H
#define _NET_NETMEM_H

#include <linux/types.h>

struct page;

typedef unsigned long netmem_ref;
#define NET_IOV		0x01UL
static inline bool netmem_is_net_iov(const netmem_ref netmem)
{
	return netmem & NET_IOV;
}
extern struct page *netmem_to_page(netmem_ref netmem);
extern netmem_ref page_to_netmem(struct page *page);

#endif
