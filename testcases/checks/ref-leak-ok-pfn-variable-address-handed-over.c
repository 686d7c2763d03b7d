/*
 * page-ref-leak, negative (kernel: mm/migrate_device.c
 * migrate_device_coherent_page()).  The new page travels as a pfn in a
 * local variable (`dst_pfn = migrate_pfn(page_to_pfn(dpage))`) whose
 * address is handed to the migration code, which maps or frees it: a
 * variable passed by address to a function without a rule takes what it
 * holds along, as the value itself would.
 */
#include <linux/mm.h>
extern unsigned long migrate_pfn(unsigned long pfn);
extern void migrate_pages_x(unsigned long *src, unsigned long *dst, unsigned long n);
int migrate_one(struct page *page)
{
	unsigned long src_pfn, dst_pfn = 0;
	struct page *dpage;

	src_pfn = migrate_pfn(page_to_pfn(page));
	dpage = alloc_page(GFP_KERNEL);
	if (dpage) {
		lock_page(dpage);
		dst_pfn = migrate_pfn(page_to_pfn(dpage));
	}
	migrate_pages_x(&src_pfn, &dst_pfn, 1);
	return 0;
}
