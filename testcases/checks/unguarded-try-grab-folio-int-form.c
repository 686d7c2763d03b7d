/*
 * page-unguarded-deref, negative and positive.  6.12's try_grab_folio()
 * takes the folio and returns 0 on success (a __must_check int; 6.1's
 * returned the folio, NULL on failure).  The rules pick the form by the
 * declaration's result type (`returns: int`): after a 0 the page is safe
 * to read, after a non-zero it is not.  Triage 6.12, pattern P27.
 */
#include <linux/mm.h>

extern struct page *pte_page(pte_t pte);
extern int __must_check try_grab_folio(struct folio *folio, int refs, unsigned int flags);

int follow_one(pte_t pte, unsigned int flags)
{
	struct page *page = pte_page(pte);

	if (try_grab_folio(page_folio(page), 1, flags))
		return -ENOMEM;
	return PageReserved(page);
}

int follow_one_inverted(pte_t pte, unsigned int flags)
{
	struct page *page = pte_page(pte);			/* expect-note: {{page obtained here from pte_page()}} */

	if (!try_grab_folio(page_folio(page), 1, flags))
		return -ENOMEM;
	return PageReserved(page);				/* expect-warning: page-unguarded-deref {{'page' comes from an arbitrary pfn and is used by PageReserved()}} */
}
