/*
 * page-unguarded-deref, positive (pfn_valid-only message). The common pfn
 * walker shape "if (!pfn_valid(pfn)) continue;" only proves a memmap exists;
 * it may be uninitialised (offline section, ZONE_DEVICE) and can vanish on
 * hot-remove (seed pfn-to-online-page-zone-device-rcu-pfn-active: "I usually
 * get suspicious when I see a pfn_valid() check"). The warning gets the
 * distinct pfn_valid() message and a note at the pfn_valid() call.
 */
#include <linux/mm.h>

unsigned long count_lru(unsigned long start_pfn, unsigned long nr)
{
	unsigned long pfn, count = 0;

	for (pfn = start_pfn; pfn < start_pfn + nr; pfn++) {
		struct page *page;

		if (!pfn_valid(pfn))			/* expect-note: {{pfn checked only with pfn_valid() here}} */
			continue;
		page = pfn_to_page(pfn);		/* expect-note: {{page obtained here from pfn_to_page()}} */
		if (PageLRU(page))			/* expect-warning: page-unguarded-deref {{'page' is used by PageLRU() but its pfn was only checked with pfn_valid()}} */
			count++;
	}
	return count;
}
