/*
 * page-unguarded-deref, negative. A pfn, physical or virtual address derived
 * from a page we own carries the page's state, also through +/- arithmetic
 * and shifts: the sub-pages of an order-2 allocation found via
 * page_to_pfn()+i, page_to_phys()/phys_to_page(), PHYS_PFN(),
 * virt_to_page(page_address()) and nth_page() are all owned.
 */
#include <linux/mm.h>
#include <linux/pfn.h>

int walk_own_block(void)
{
	struct page *block = alloc_pages(GFP_KERNEL, 2);
	unsigned long pfn, i;
	phys_addr_t phys;
	int n = 0;

	if (!block)
		return -ENOMEM;
	pfn = page_to_pfn(block);
	for (i = 0; i < 4; i++) {
		struct page *sub = pfn_to_page(pfn + i);

		if (PageReserved(sub))
			n++;
	}
	phys = page_to_phys(block);
	n += PageDirty(phys_to_page(phys + PAGE_SIZE));
	n += PageLRU(pfn_to_page(PHYS_PFN(phys) + 2));
	n += PageSlab(virt_to_page(page_address(block) + 3 * PAGE_SIZE));
	n += PageHead(nth_page(block, 1));
	n += PageHead(pfn_to_page((phys >> PAGE_SHIFT) + 3));
	__free_pages(block, 2);
	return n;
}
