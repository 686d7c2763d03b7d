/*
 * page-unguarded-deref, negative (and page-ref-leak, positive).
 * try_grab_folio() is a speculative reference like get_page_unless_zero():
 * once it succeeded the page is ours (mm/gup.c gup_hugepte(); a false
 * positive of the first kernel triage).  The reference must be dropped.
 */
#include <linux/pgtable.h>

int grab_reserved(pte_t *ptep, unsigned int flags)
{
	struct page *page = pte_page(ptep_get(ptep));

	if (!try_grab_folio(page, 1, flags))	/* expect-note: {{reference taken here}} */
		return -EAGAIN;
	if (PageReserved(page))
		return -EFAULT;			/* expect-warning: page-ref-leak {{reference to 'page' taken by try_grab_folio() is not released on this path}} */
	put_page(page);
	return 0;
}
