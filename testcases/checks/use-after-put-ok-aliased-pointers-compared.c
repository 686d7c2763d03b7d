/*
 * page-use-after-put, negative (kernel: mm/migrate_device.c
 * migrate_device_finalize()).  When the page was not migrated the
 * destination becomes the source (`dst = src`), the source is put, and
 * the destination is unlocked and put only `if (dst != src)`.  Pointer
 * variables compared in a branch condition keep the paths where they are
 * the same page apart from the others, and the comparison rules out the
 * aliased path: the second put is of the other page.
 */
#include <linux/mm.h>
extern struct page *migrate_pfn_to_page(unsigned long mpfn);
extern int migrated(unsigned long i);
void finalize(unsigned long *src_pfns, unsigned long *dst_pfns, unsigned long n)
{
	for (unsigned long i = 0; i < n; i++) {
		struct folio *dst = NULL, *src;
		struct page *newpage = migrate_pfn_to_page(dst_pfns[i]);
		struct page *page = migrate_pfn_to_page(src_pfns[i]);

		if (newpage)
			dst = page_folio(newpage);
		if (!page)
			continue;
		src = page_folio(page);
		if (!migrated(i) || !dst) {
			if (dst) {
				folio_unlock(dst);
				folio_put(dst);
			}
			dst = src;
		}
		folio_unlock(src);
		folio_put(src);
		if (dst != src) {
			folio_unlock(dst);
			folio_put(dst);
		}
	}
}
