/*
 * page-unguarded-deref, negative. Pages that arrive as parameters, are
 * loaded from structures, arrays or globals, or come back from a function
 * the rules do not know are the caller's (or that code's) responsibility:
 * using them is not reported. Covers ->, [], *, flag tests and get_page().
 */
/* pagelife-args: --checks=-page-ref-leak
 * (this case is about page-unguarded-deref; its references are not the point) */
#include <linux/mm.h>

struct buf {
	struct page *page;
	struct page *pages[4];
	struct folio *folio;
};

extern struct page *global_page;
extern struct page *lookup_my_page(int idx);

int use_param(struct page *page, struct folio *folio)
{
	if (PageReserved(page) || folio_test_lru(folio))
		return page->flags & 1;
	get_page(page);
	return page_to_nid(page) + folio_nid(folio);
}

unsigned long use_loaded(struct buf *b, int i)
{
	struct page *p = b->pages[i];
	struct page copy = *b->page;

	if (PageDirty(b->page) || folio_test_dirty(b->folio))
		return 1;
	return p->flags + copy.flags + global_page->flags +
	       b->pages[0][0].flags + page_count(lookup_my_page(i));
}
