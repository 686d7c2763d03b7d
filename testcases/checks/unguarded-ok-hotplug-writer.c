/*
 * page-unguarded-deref, negative: the memory hotplug code itself. The write
 * side of mem_hotplug_lock is taken only by code that builds or tears down
 * the memmap of the range it works on (memremap_pages(), pageunmap_range(),
 * online_pages() and offline_pages() through their callers), so between
 * mem_hotplug_begin() and mem_hotplug_done() a pfn of that range is not an
 * arbitrary pfn: no one else adds or removes memory (the memmap scope, as in
 * __init code). The 6.1 triage's group B2 (mm/memremap.c:120). Before and
 * after the section the same read is reported.
 */
#include <linux/mm.h>
#include <linux/memory_hotplug.h>

int teardown_range(unsigned long start_pfn, unsigned long nr)
{
	struct page *first_page;
	int nid;

	mem_hotplug_begin();
	first_page = pfn_to_page(start_pfn);
	nid = PageReserved(first_page);
	mem_hotplug_done();
	return nid;
}

int after_the_section(unsigned long start_pfn)
{
	struct page *page;

	mem_hotplug_begin();
	mem_hotplug_done();
	page = pfn_to_page(start_pfn);	/* expect-note: {{page obtained here from pfn_to_page()}} */
	return PageReserved(page);	/* expect-warning: page-unguarded-deref {{arbitrary pfn}} */
}

int read_side_is_not_the_writer(unsigned long start_pfn)
{
	struct page *page;
	int ret;

	get_online_mems();
	page = pfn_to_page(start_pfn);	/* expect-note: {{page obtained here from pfn_to_page()}} */
	ret = PageReserved(page);	/* expect-warning: page-unguarded-deref {{arbitrary pfn}} */
	put_online_mems();
	return ret;
}
