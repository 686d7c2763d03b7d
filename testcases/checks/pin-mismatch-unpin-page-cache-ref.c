/*
 * page-pin-mismatch, positive (reference released as a pin). A page-cache
 * lookup reference (find_get_page(): +1) is dropped with unpin_user_page(),
 * copied from the GUP path of the same driver that handles user buffers
 * with pin_user_pages(). Only pins go back through unpin_user_page*().
 */
#include <linux/mm.h>
#include <linux/pagemap.h>

int cache_page_is_dirty(struct address_space *mapping, pgoff_t index)
{
	struct page *page;
	int dirty;

	page = find_get_page(mapping, index);	/* expect-note: {{reference taken here by find_get_page()}} */
	if (!page)
		return 0;
	dirty = PageDirty(page);
	unpin_user_page(page);	/* expect-warning: page-pin-mismatch {{'page' holds a reference from find_get_page(), not a FOLL_PIN pin, but is released with unpin_user_page(); use put_page() (or pin with pin_user_pages())}} */
	return dirty;
}
