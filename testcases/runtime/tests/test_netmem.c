// SPDX-License-Identifier: GPL-2.0
/* net_iov look-alikes must not reach mm (seed: devmem page pool) */
#include "rt_test.h"

static FIXTURE void *frag_address(const skb_frag_t *frag)
{
	return page_address(skb_frag_page(frag));
}

static FIXTURE void *checked_frag_address(const skb_frag_t *frag)
{
	if (skb_frag_is_net_iov(frag))
		return NULL;
	return page_address(skb_frag_page(frag));
}

static void test_netmem(void **state)
{
	(void)state;
	struct page *p = alloc_page(GFP_KERNEL);
	netmem_ref pn = page_to_netmem(p), nn = rt_net_iov_alloc(M);
	assert_false(netmem_is_net_iov(pn));
	assert_true(netmem_is_net_iov(nn));
	assert_ptr_equal(netmem_to_page(pn), p);
	assert_null(netmem_to_net_iov(pn));
	struct net_iov *niov = netmem_to_net_iov(nn);
	assert_non_null(niov);
	assert_int_equal(net_iov_to_netmem(niov), nn);
	skb_frag_t pf = { .netmem = pn, .len = 100 }, nf = { .netmem = nn, .len = 100 };
	assert_int_equal(skb_frag_netmem(&nf), nn);
	assert_ptr_equal(frag_address(&pf), page_address(p));
	assert_null(checked_frag_address(&nf));
	assert_int_equal(rt_violation_count(M), 0);
	/* the look-alike handed to mm */
	assert_null(frag_address(&nf));
	struct rt_violation v = first_viol(RT_V_NET_IOV_MM);
	assert_string_equal(v.func, "frag_address");
	assert_string_equal(v.api, "page_address");
	get_page(netmem_to_page(nn));
	(void)page_to_pfn(netmem_to_page(nn));
	assert_int_equal(nviol(RT_V_NET_IOV_MM), 3);
	__free_page(p);
}

static void test_net_iov_limit(void **state)
{
	(void)state;
	int n = 0;
	while (rt_net_iov_alloc(M))
		n++;
	assert_int_equal(n, 256);
}

int main(void)
{
	const struct CMUnitTest tests[] = { T(test_netmem), T(test_net_iov_limit) };
	return cmocka_run_group_tests(tests, NULL, NULL);
}
