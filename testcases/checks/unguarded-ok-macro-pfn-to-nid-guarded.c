/*
 * page-unguarded-deref, negative. pfn_to_nid() (a statement expression of
 * include/linux/mmzone.h computing page_to_nid(pfn_to_page(pfn))) on a pfn
 * that the mainline policy accepts: pfn_to_online_page() returned non-NULL
 * for it, or the pfn is that of a page this code allocated or holds a
 * reference on. A macro whose page comes from a guarded source is silent
 * like the same code written out.
 * pagelife-cflags: -DCONFIG_SPARSEMEM_VMEMMAP -DCONFIG_NUMA
 */
#include <linux/mm.h>
#include <linux/memory_hotplug.h>

int online_pfn_node(unsigned long pfn)
{
	if (!pfn_to_online_page(pfn))
		return NUMA_NO_NODE;
	return pfn_to_nid(pfn);
}

int online_page_node(unsigned long pfn)
{
	struct page *page = pfn_to_online_page(pfn);

	if (!page)
		return NUMA_NO_NODE;
	return pfn_to_nid(page_to_pfn(page));
}

int allocated_node(void)
{
	struct page *page = alloc_page(GFP_KERNEL);
	int nid;

	if (!page)
		return -ENOMEM;
	nid = pfn_to_nid(page_to_pfn(page));
	__free_page(page);
	return nid;
}

int caller_page_node(struct page *page)
{
	return pfn_to_nid(page_to_pfn(page));
}
