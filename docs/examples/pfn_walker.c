/*
 * A pfn walker, as memory-failure, compaction and /proc/kpageflags write
 * them.  pfn_valid() only says a memmap exists: it may be uninitialised
 * (an offline section, ZONE_DEVICE) and it can be removed by memory
 * hot-remove while we look at it.  pagelife reports the first walker and
 * accepts the second.
 */
#include <linux/mm.h>
#include <linux/memory_hotplug.h>

unsigned long count_reserved_racy(unsigned long start, unsigned long end)
{
	unsigned long pfn, n = 0;

	for (pfn = start; pfn < end; pfn++) {
		struct page *page;

		if (!pfn_valid(pfn))
			continue;
		page = pfn_to_page(pfn);
		if (PageReserved(page))
			n++;
	}
	return n;
}

unsigned long count_reserved_online(unsigned long start, unsigned long end)
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
