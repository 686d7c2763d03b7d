/*
 * page-unguarded-deref, negative. Operations that do not read the struct
 * page are not uses: page_to_pfn(), page_folio(), folio_page(), nth_page(),
 * &folio->page, casts, pointer arithmetic and comparisons, and storing the
 * pointer. (Whether storing an arbitrary page is a problem is for another
 * check.)
 */
#include <linux/mm.h>

struct cursor {
	struct page *page;
	struct folio *folio;
};

unsigned long no_use(unsigned long pfn, struct cursor *c)
{
	struct page *page = pfn_to_page(pfn);
	struct folio *folio = page_folio(page);
	struct page *next = nth_page(page, 1);
	struct page *third = folio_page(folio, 2);
	struct page *head = &folio->page;
	unsigned long ret;

	ret = page_to_pfn(next) + page_to_pfn(third);
	ret += (unsigned long)(head + 1) - (unsigned long)(void *)page;
	if (next == third)
		ret++;
	c->page = page;
	c->folio = folio;
	return ret + folio_pfn(folio);
}
