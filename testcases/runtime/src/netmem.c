// SPDX-License-Identifier: GPL-2.0
/*
 * netmem.c - net_iov, the page_pool/devmem "struct page look-alike".
 *
 * A netmem_ref is either a struct page pointer or a net_iov pointer with
 * bit 0 set.  Like the devmem RFC in the seed, netmem_to_page() and
 * skb_frag_page() hand out the look-alike as a struct page pointer when the
 * frag is a net_iov; the model then records RT_V_NET_IOV_MM as soon as an
 * mm function (page_address(), get_page(), ...) receives it.
 */
#include <stdlib.h>
#include "rt_internal.h"

#define NET_IOV 0x01UL
#define RT_MAX_NET_IOV 256

netmem_ref rt_net_iov_alloc(struct rt_machine *m)
{
	netmem_ref n = 0;
	pthread_mutex_lock(&m->lock);
	/* a fixed array: handed-out pointers must never move */
	if (!m->niov)
		m->niov = calloc(RT_MAX_NET_IOV, sizeof(*m->niov));
	if (m->niov && m->nr_niov < RT_MAX_NET_IOV) {
		struct net_iov *niov = &m->niov[m->nr_niov];
		niov->index = m->nr_niov++;
		n = (netmem_ref)niov | NET_IOV;
	}
	pthread_mutex_unlock(&m->lock);
	return n;
}

bool netmem_is_net_iov(netmem_ref netmem) { return netmem & NET_IOV; }
struct page *netmem_to_page(netmem_ref netmem) { return (struct page *)(netmem & ~NET_IOV); }

struct net_iov *netmem_to_net_iov(netmem_ref netmem)
{
	return netmem & NET_IOV ? (struct net_iov *)(netmem & ~NET_IOV) : NULL;
}

netmem_ref page_to_netmem(struct page *page) { return (netmem_ref)page; }
netmem_ref net_iov_to_netmem(struct net_iov *niov) { return (netmem_ref)niov | NET_IOV; }
netmem_ref skb_frag_netmem(const skb_frag_t *frag) { return frag->netmem; }
bool skb_frag_is_net_iov(const skb_frag_t *frag) { return frag->netmem & NET_IOV; }
struct page *skb_frag_page(const skb_frag_t *frag) { return netmem_to_page(frag->netmem); }
