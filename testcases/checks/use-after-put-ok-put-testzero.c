/*
 * page-use-after-put, negative.  put_page_testzero() drops a reference and
 * returns true when it was the last one: the caller then owns the page and
 * frees it (mm/page_alloc.c, mm/swap.c).  It is not modelled as a plain
 * release, so the freeing code after it is not a use after put.
 */
#include <linux/mm.h>

extern void free_the_page(struct page *page, unsigned int order);

void put_and_free(struct page *page)
{
	if (put_page_testzero(page))
		free_the_page(page, PageHead(page));
}

/* false: others hold the page; mm core goes on under its own locks
 * (mm/vmscan.c move_folios_to_lru(), mm/swap.c put_pages_list()) */
int keep_on_lru(struct page *page)
{
	if (put_page_testzero(page)) {
		free_the_page(page, 0);
		return 0;
	}
	return PageLRU(page);
}
