/*
 * page-unguarded-deref, negative, strict policy. Holding the memory hotplug
 * lock -- get_online_mems() (read side) until put_online_mems(), or
 * mem_hotplug_begin() until mem_hotplug_done() -- keeps online memory from
 * being offlined, so pfn_to_online_page() pages used inside are fine even
 * under strict. A reference taken on the online page works too.
 * pagelife-args: --policy=strict
 */
#include <linux/mm.h>
#include <linux/memory_hotplug.h>

unsigned long locked_walk(unsigned long start, unsigned long end)
{
	unsigned long pfn, n = 0;

	get_online_mems();
	for (pfn = start; pfn < end; pfn++) {
		struct page *page = pfn_to_online_page(pfn);

		if (page && PageReserved(page))
			n++;
	}
	put_online_mems();
	return n;
}

int locked_write_side(unsigned long pfn)
{
	struct page *page;
	int ret = -ENOENT;

	mem_hotplug_begin();
	page = pfn_to_online_page(pfn);
	if (page) {
		ClearPageReserved(page);
		ret = 0;
	}
	mem_hotplug_done();
	return ret;
}

int online_with_ref(unsigned long pfn)
{
	struct page *page = pfn_to_online_page(pfn);
	int ret;

	if (!page)
		return -ENOENT;
	if (!get_page_unless_zero(page))
		return -EBUSY;
	ret = PageLRU(page);
	put_page(page);
	return ret;
}
