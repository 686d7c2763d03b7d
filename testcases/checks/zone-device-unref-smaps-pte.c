/*
 * page-zone-device-unref and page-unguarded-deref, positive. The smaps walker
 * shape from Dan Williams' audit (seed pfn-to-online-page-zone-device-rcu-
 * pfn-active: "smaps_pmd_entry(): unsafe"): the page comes from a page table
 * entry, is classified with is_zone_device_page(), then its other flags are
 * read. The zone-device query is this check's finding; the later PageAnon()
 * is an ordinary unguarded use, reported by page-unguarded-deref, each with
 * its own note at the source. (The real walker runs under the page table
 * lock; the analysis does not model that, see the docs' limitations.)
 */
#include <linux/mm.h>

struct mem_size_stats {
	unsigned long resident;
	unsigned long anonymous;
	unsigned long device;
};

void smaps_pte_entry(pte_t *pte, struct mem_size_stats *mss)
{
	pte_t ptent = ptep_get(pte);
	struct page *page;

	page = pte_page(ptent);		/* expect-note: {{page obtained here from pte_page()}} expect-note: {{page obtained here from pte_page()}} */
	if (is_zone_device_page(page)) {	/* expect-warning: page-zone-device-unref {{is_zone_device_page() on 'page' without a reference or get_dev_pagemap() for its pfn}} */
		mss->device += PAGE_SIZE;
		return;
	}
	if (PageAnon(page))		/* expect-warning: page-unguarded-deref {{'page' comes from an arbitrary pfn and is used by PageAnon()}} */
		mss->anonymous += PAGE_SIZE;
	mss->resident += PAGE_SIZE;
}
