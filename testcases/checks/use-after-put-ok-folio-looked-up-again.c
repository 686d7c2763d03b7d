/*
 * page-use-after-put, negative (kernel: mm/memory-failure.c
 * __get_hwpoison_page() on 6.12). The folio of a caller's page can change
 * under the code (a hugetlb demotion, a split): a helper took a reference
 * on the folio the page belonged to, the code finds the page has moved on,
 * drops that reference, and looks the page's folio up again. The folio
 * found anew is the one the page belongs to now, not the one whose
 * reference was dropped.
 */
#include <linux/mm.h>

extern int grab_hugetlb_folio(struct folio *folio);	/* > 0: a reference taken */
extern int folio_is_handlable(struct folio *folio);

int get_folio_of(struct page *page)
{
	struct folio *folio = page_folio(page);
	int ret = grab_hugetlb_folio(folio);

	if (folio == page_folio(page))
		return ret;
	if (ret > 0) {
		folio_put(folio);
		folio = page_folio(page);
	}
	if (!folio_test_large(folio))
		return -EBUSY;
	return folio_is_handlable(folio);
}
