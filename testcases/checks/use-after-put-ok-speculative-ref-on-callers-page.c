/*
 * page-use-after-put, negative and positive: a speculative reference on a
 * page that something else keeps. A folio found on an LRU list under the
 * lru_lock exists because it is on the list (freeing takes it off under the
 * same lock); folio_try_get() takes a reference only to isolate it, and when
 * the isolation loses the race it puts that reference and moves the folio
 * on the list: after the put the folio is as it was, kept by the list
 * (6.1 isolate_lru_folios(), group B1). The same for a caller's page. A
 * plain get_page() on the caller's page followed by two puts is still a
 * double put (use-after-put-get-put-put.c), and a page this code looked up
 * with its only reference is released by its put.
 */
#include <linux/mm.h>
#include <linux/pagemap.h>

struct lruvec_lite { struct folio *first; };

extern bool folio_test_clear_lru(struct folio *folio);
extern void move_to_tail(struct folio *folio);
extern void add_to_isolated(struct folio *folio);

int isolate_first(struct lruvec_lite *lru)
{
	struct folio *folio = lru->first;

	if (!folio_try_get(folio))
		return 0;
	if (!folio_test_clear_lru(folio)) {
		folio_put(folio);	/* another isolator won; the list keeps it */
		move_to_tail(folio);
		return folio_test_dirty(folio);
	}
	add_to_isolated(folio);		/* the reference goes with it */
	return 1;
}

int peek_callers(struct page *page)
{
	if (!get_page_unless_zero(page))
		return 0;
	put_page(page);
	return PageDirty(page);
}

int looked_up(struct address_space *mapping, pgoff_t index)
{
	struct page *page = find_get_page(mapping, index);	/* expect-note: {{page obtained here from find_get_page()}} */

	if (!page)
		return 0;
	put_page(page);			/* expect-note: {{reference dropped here}} */
	return PageDirty(page);		/* expect-warning: page-use-after-put {{after put_page() dropped}} */
}
