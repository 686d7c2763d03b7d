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
