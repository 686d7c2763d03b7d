/*
 * page-use-after-put, negative. An allocated page is freed only on the
 * error path, which returns at once; the success path keeps using it and
 * hands it to the caller. Also: get_page()/put_page() bracketing on a
 * caller's page with every use inside the bracket.
 */
#include <linux/mm.h>

extern int init_table(void *kaddr);
extern int do_io(struct page *page);

struct page *alloc_table_page(void)
{
	struct page *page = alloc_page(GFP_KERNEL | __GFP_ZERO);

	if (!page)
		return NULL;
	if (init_table(page_address(page))) {
		__free_page(page);
		return NULL;
	}
	SetPageReserved(page);
	return page;
}

int io_with_extra_ref(struct page *page)
{
	int ret;

	get_page(page);
	lock_page(page);
	ret = do_io(page);
	unlock_page(page);
	put_page(page);
	return ret;
}
