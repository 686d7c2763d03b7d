/*
 * page-use-after-put, negative (kernel: fs/ntfs3/frecord.c
 * ni_read_folio_cmpr() on 6.12). The caller's folio goes into one slot of
 * a page array that the function fills with pages of its own; the cleanup
 * loop puts every page but that slot's. A page array is one abstract
 * value, so a page read back from it is not the caller's folio: putting it
 * does not release the folio, which is unlocked afterwards.
 */
#include <linux/mm.h>
#include <linux/slab.h>

extern struct page *lock_new_page(unsigned long index);

int read_frame(struct folio *folio, unsigned int n, unsigned int idx)
{
	struct page **pages = kcalloc(n, sizeof(struct page *), GFP_KERNEL);
	struct page *pg;
	unsigned int i;

	if (!pages)
		return -ENOMEM;
	pages[idx] = &folio->page;
	for (i = 0; i < n; i++) {
		if (i == idx)
			continue;
		pages[i] = lock_new_page(i);
	}
	for (i = 0; i < n; i++) {
		pg = pages[i];
		if (i == idx || !pg)
			continue;
		unlock_page(pg);
		put_page(pg);
	}
	kfree(pages);
	folio_unlock(folio);
	return 0;
}
