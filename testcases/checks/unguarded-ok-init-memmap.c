/*
 * page-unguarded-deref, caller contract: boot code. A function in
 * .init.text (__init) or .meminit.text (__meminit) runs before memory
 * hotplug can remove anything, often while the memmap is being built, so
 * an arbitrary pfn's page is memmap-valid there (the 6.1 triage's B3 group:
 * reserve_bootmem_region(), init_unavailable_range(), cma_activate_area()).
 * The markers are macros (a section attribute), read from the declaration's
 * tokens. The same walk without the marker is still reported (last
 * function), so the contract is not a blanket.
 */
#include <linux/mm.h>

#define __section(s) __attribute__((__section__(s)))
#define __init __section(".init.text")
#define __meminit __section(".meminit.text")

static void __init reserve_range(unsigned long spfn, unsigned long epfn)
{
	unsigned long pfn;

	for (pfn = spfn; pfn < epfn; pfn++)
		SetPageReserved(pfn_to_page(pfn));
}

void __meminit init_valid_range(unsigned long spfn, unsigned long epfn)
{
	unsigned long pfn;

	for (pfn = spfn; pfn < epfn; pfn++) {
		if (!pfn_valid(pfn))
			continue;
		SetPageReserved(pfn_to_page(pfn));
	}
}

void reserve_range_late(unsigned long spfn, unsigned long epfn)
{
	unsigned long pfn;

	reserve_range(spfn, epfn);
	for (pfn = spfn; pfn < epfn; pfn++)
		SetPageReserved(pfn_to_page(pfn));	/* expect-warning: page-unguarded-deref {{arbitrary pfn}} expect-note: {{page obtained here from pfn_to_page()}} */
}
