/*
 * page-pin-mismatch, positive. The pre-2020 GUP idiom -- release the array
 * element by element with `for (i = 0; i < n; i++) put_page(pages[i]);` --
 * left behind after the acquire was switched to pin_user_pages_fast(). The
 * loop releases the whole array, so the mismatch is reported once, at the
 * put_page() in the loop body, named after the array.
 */
#include <linux/mm.h>

extern int copy_into_pages(struct page **pages, int n, const void *src, size_t len);

int fill_user_buffer(unsigned long uaddr, int nr, const void *src, size_t len)
{
	struct page *pages[8];
	int ret, i, err;

	if (nr > 8)
		return -EINVAL;
	ret = pin_user_pages_fast(uaddr, nr, FOLL_WRITE, pages);	/* expect-note: {{pinned here by pin_user_pages_fast()}} */
	if (ret < 0)
		return ret;

	err = copy_into_pages(pages, ret, src, len);
	for (i = 0; i < ret; i++) {
		set_page_dirty_lock(pages[i]);
		put_page(pages[i]);	/* expect-warning: page-pin-mismatch {{'pages' holds a FOLL_PIN pin from pin_user_pages_fast() but is released with put_page()}} */
	}
	return err;
}
