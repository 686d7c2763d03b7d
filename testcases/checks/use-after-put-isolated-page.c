/*
 * page-use-after-put (kernel: mm/migrate_device.c migrate_device_unmap()).
 * isolate_lru_page() returns 0 with a reference of its own, which the
 * isolation (not this code) manages: after that, put_page() drops only
 * "the reference we took in collect", and the isolated page can still be
 * used.  Without a successful isolation the same put leaves nothing, and
 * a use after it is reported.
 */
#include <linux/mm.h>
#include <linux/pagemap.h>

extern int isolate_lru_page(struct page *page);

int isolate_and_drop(struct address_space *mapping)
{
	struct page *page = find_get_page(mapping, 0);

	if (!page)
		return 0;
	if (isolate_lru_page(page)) {
		put_page(page);
		return -EBUSY;
	}
	put_page(page);
	return PageDirty(page);
}

int drop_without_isolation(struct address_space *mapping)
{
	struct page *page = find_get_page(mapping, 0);	/* expect-note: {{page obtained here from find_get_page()}} */

	if (!page)
		return 0;
	put_page(page);					/* expect-note: {{reference dropped here}} */
	return PageDirty(page);				/* expect-warning: page-use-after-put {{'page' is used by PageDirty() after put_page()}} */
}
