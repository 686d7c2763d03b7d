/*
 * page-zone-device-unref, negative. Pages the function did not obtain from a
 * pfn are the caller's: a parameter, a page loaded from a structure, a folio
 * handed in by the fault path. Whoever passed them in holds them (in Dan
 * Williams' audit, seed pfn-to-online-page-zone-device-rcu-pfn-active,
 * "__put_page(): safe", "release_pages(): safe": their callers hold the
 * reference being dropped). Not reported.
 */
#include <linux/mm.h>
#include <linux/memremap.h>

struct vm_fault {
	struct vm_area_struct *vma;
	unsigned long address;
	struct page *page;
};

extern void free_zone_device_folio(struct folio *folio);
extern void __folio_put(struct folio *folio);

void put_devmap_managed_folio(struct folio *folio)
{
	if (folio_is_zone_device(folio))
		free_zone_device_folio(folio);
	else
		__folio_put(folio);
}

void *fault_page_owner(struct vm_fault *vmf)
{
	struct page *page = vmf->page;

	if (!is_device_private_page(page))
		return NULL;
	return page_pgmap(page)->owner;
}
