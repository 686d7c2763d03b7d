/*
 * page-pin-mismatch, negative. Folio forms of the pin release: a pinned
 * page's folio goes back through unpin_folio(), and an array of pinned
 * folios from memfd_pin_folios() (the udmabuf way of pinning a memfd)
 * through unpin_folios().
 */
#include <linux/mm.h>

int user_folio_is_large(unsigned long uaddr)
{
	struct page *page;
	struct folio *folio;
	int large;

	if (pin_user_pages_fast(uaddr, 1, FOLL_LONGTERM, &page) <= 0)
		return -EFAULT;
	folio = page_folio(page);
	large = folio_test_large(folio);
	unpin_folio(folio);
	return large;
}

long memfd_count_dirty(struct file *memfd, loff_t size)
{
	struct folio *folios[8];
	pgoff_t offset;
	long nr, i, dirty = 0;

	nr = memfd_pin_folios(memfd, 0, size - 1, folios, 8, &offset);
	if (nr <= 0)
		return nr;
	for (i = 0; i < nr; i++)
		dirty += folio_test_dirty(folios[i]);
	unpin_folios(folios, nr);
	return dirty;
}
