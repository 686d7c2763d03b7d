/*
 * page-unguarded-deref, negative.  try_grab_folio() succeeded: the page is
 * safe to read (mm/gup.c gup_hugepte(); a false positive of the first
 * kernel triage).  Whether it took a reference or a pin depends on GUP
 * flags, and GUP releases it with its own helpers, so it is not
 * leak-tracked (page-ref-leak stays quiet; second triage).
 */
#include <linux/pgtable.h>

int grab_reserved(pte_t *ptep, unsigned int flags)
{
	struct page *page = pte_page(ptep_get(ptep));

	if (!try_grab_folio(page, 1, flags))
		return -EAGAIN;
	if (PageReserved(page))
		return -EFAULT;
	put_page(page);
	return 0;
}
