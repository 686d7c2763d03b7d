/*
 * page-unguarded-deref, positive. A page computed and used entirely inside
 * one macro expansion: pfn_to_nid() of include/linux/mmzone.h (6.1, 6.12)
 * is a statement expression, page_to_nid(pfn_to_page(pfn)), and with
 * SPARSEMEM_VMEMMAP pfn_to_page() is memmap arithmetic, no call. Reading the
 * node of an arbitrary pfn's page reads a memmap that may be uninitialised
 * or hot-removed (mm/page_ext.c, mm/memory_hotplug.c call it on pfns they
 * checked otherwise). The finding is at the macro's use in the .c file.
 * pagelife-cflags: -DCONFIG_SPARSEMEM_VMEMMAP -DCONFIG_NUMA
 */
#include <linux/mm.h>

int pfn_node(unsigned long pfn)
{
	int nid;

	nid = pfn_to_nid(pfn);	/* expect-warning: page-unguarded-deref {{comes from an arbitrary pfn and is used by page_to_nid()}} expect-note: {{obtained here from pfn_to_page()}} */
	return nid;
}

bool same_node(unsigned long a, unsigned long b)
{
	return pfn_to_nid(a) ==	/* expect-warning: page-unguarded-deref {{used by page_to_nid()}} expect-note: {{obtained here from pfn_to_page()}} */
	       pfn_to_nid(b);	/* expect-warning: page-unguarded-deref {{used by page_to_nid()}} expect-note: {{obtained here from pfn_to_page()}} */
}
