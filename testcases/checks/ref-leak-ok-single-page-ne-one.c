/*
 * page-ref-leak, negative. The single-page GUP idiom found all over the
 * tree: `if (get_user_pages_fast(addr, 1, flags, &page) != 1) return ...;`
 * With nr_pages == 1 a result other than 1 is 0 or a negative errno, so on
 * that path nothing is held. (Both the call compared directly and the result
 * in a variable.)
 */
#include <linux/mm.h>

int user_page_dirty(unsigned long uaddr)
{
	struct page *page;
	int dirty;

	if (get_user_pages_fast(uaddr, 1, 0, &page) != 1)
		return -EFAULT;
	dirty = PageDirty(page);
	put_page(page);
	return dirty;
}

int user_page_pin_dirty(unsigned long uaddr)
{
	struct page *page;
	int ret;

	ret = pin_user_pages_fast(uaddr, 1, FOLL_WRITE, &page);
	if (ret != 1)
		return ret < 0 ? ret : -EFAULT;
	set_page_dirty_lock(page);
	unpin_user_page(page);
	return 0;
}
