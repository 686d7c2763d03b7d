/*
 * page-pin-mismatch, positive (reference released as a pin). The opposite
 * half-conversion: the release side was switched to
 * unpin_user_pages_dirty_lock() but the acquire still uses
 * get_user_pages_fast(), which takes plain FOLL_GET references (+1 each).
 * unpin_user_pages*() subtract GUP_PIN_COUNTING_BIAS (or decrement the
 * folio's pincount) from pages that were never pinned: the refcount
 * underflows and the page is freed while still mapped.
 */
#include <linux/mm.h>

struct dio_req {
	unsigned long uaddr;
	int nr_pages;
	bool write;
};

extern int dio_do_transfer(struct dio_req *req, struct page **pages, int n);

int dio_submit(struct dio_req *req)
{
	struct page *pages[16];
	unsigned int gup_flags = req->write ? 0 : FOLL_WRITE;
	int ret, err;

	if (req->nr_pages > 16)
		return -EINVAL;
	ret = get_user_pages_fast(req->uaddr, req->nr_pages, gup_flags, pages);	/* expect-note: {{reference taken here by get_user_pages_fast()}} */
	if (ret <= 0)
		return ret ? ret : -EFAULT;

	err = dio_do_transfer(req, pages, ret);
	unpin_user_pages_dirty_lock(pages, ret, !req->write);	/* expect-warning: page-pin-mismatch {{'pages' holds a reference from get_user_pages_fast(), not a FOLL_PIN pin, but is released with unpin_user_pages_dirty_lock(); use put_page() (or pin with pin_user_pages())}} */
	return err;
}
