/*
 * page-unguarded-deref, negative, mainline policy (the default). A non-NULL
 * pfn_to_online_page() is the mainline rule for pfn walkers and is accepted
 * although it is racy against hot-remove (seed
 * pfn-to-online-page-zone-device-rcu-pfn-active; --policy=strict reports it,
 * see unguarded-strict-online-page.c). NULL-check forms: if (!page) continue,
 * if (page == NULL) return, if (unlikely(!page)), and a for_each_online_node
 * walk over zones.
 */
#include <linux/mm.h>
#include <linux/memory_hotplug.h>

unsigned long count_online_reserved(unsigned long start, unsigned long end)
{
	unsigned long pfn, n = 0;

	for (pfn = start; pfn < end; pfn++) {
		struct page *page = pfn_to_online_page(pfn);

		if (!page)
			continue;
		if (PageReserved(page))
			n++;
	}
	return n;
}

int online_nid(unsigned long pfn)
{
	struct page *page = pfn_to_online_page(pfn);

	if (page == NULL)
		return NUMA_NO_NODE;
	return page_to_nid(page);
}

bool online_poisoned(unsigned long pfn)
{
	struct page *page = pfn_to_online_page(pfn);

	if (unlikely(!page))
		return false;
	return PageHWPoison(page) || folio_test_hwpoison(page_folio(page));
}

unsigned long count_zone_heads(void)
{
	unsigned long pfn, n = 0;
	int nid, z;

	for_each_online_node(nid) {
		for (z = 0; z < MAX_NR_ZONES; z++) {
			struct zone *zone = &NODE_DATA(nid)->node_zones[z];

			for (pfn = zone->zone_start_pfn; pfn < zone_end_pfn(zone); pfn++) {
				struct page *page = pfn_to_online_page(pfn);

				if (page && PageHead(page))
					n++;
			}
		}
	}
	return n;
}
