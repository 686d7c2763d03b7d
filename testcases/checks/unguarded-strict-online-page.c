/*
 * page-unguarded-deref, positive, strict policy. pfn_to_online_page() only
 * says the memmap was online when it looked; without the hotplug lock, a
 * reference or RCU, the memory "can get offlined and removed any time"
 * (David Hildenbrand in seed pfn-to-online-page-zone-device-rcu-pfn-active).
 * Under --policy=strict that is reported with its own message and only the
 * source note. Forms: if (!page) continue, and page_folio() of it.
 * pagelife-args: --policy=strict
 */
#include <linux/mm.h>
#include <linux/memory_hotplug.h>

unsigned long count_online_reserved(unsigned long start, unsigned long end)
{
	unsigned long pfn, n = 0;

	for (pfn = start; pfn < end; pfn++) {
		struct page *page = pfn_to_online_page(pfn);	/* expect-note: {{page obtained here from pfn_to_online_page()}} */

		if (!page)
			continue;
		if (PageReserved(page))				/* expect-warning: page-unguarded-deref {{'page' from pfn_to_online_page() is used by PageReserved() without a reference, the hotplug lock or RCU-guarded pfn_active(); it can be offlined and removed concurrently (strict policy)}} */
			n++;
	}
	return n;
}

int online_folio_nid(unsigned long pfn)
{
	struct page *page = pfn_to_online_page(pfn);		/* expect-note: {{page obtained here from pfn_to_online_page()}} */
	struct folio *folio;

	if (unlikely(!page))
		return NUMA_NO_NODE;
	folio = page_folio(page);
	return folio_nid(folio);				/* expect-warning: page-unguarded-deref {{from pfn_to_online_page() is used by folio_nid() without a reference, the hotplug lock}} */
}
