/*
 * page-use-after-put, negative (kernel: mm/page_alloc.c __free_pages()).
 * When put_page_testzero() says someone else still holds the head page,
 * the tail pages page + (1 << order) are other pages, ours to free: after
 * a release, pointer arithmetic on the page no longer names it.  And
 * put_page_testzero() true means the last reference: freeing is right.
 */
#include <linux/mm.h>

static void free_one(struct page *page, unsigned int order)
{
	__free_pages(page, order);
}

void free_block(struct page *page, unsigned int order)
{
	if (put_page_testzero(page))
		free_one(page, order);
	else
		while (order-- > 0)
			free_one(page + (1 << order), order);
}
