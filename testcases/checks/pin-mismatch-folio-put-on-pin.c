/*
 * page-pin-mismatch, positive. The folio form: a pinned page is converted
 * with page_folio() and dropped with folio_put(). A pin on a large folio is
 * counted in folio->_pincount (and GUP_PIN_COUNTING_BIAS on small ones);
 * folio_put() knows nothing of either. The folio variable and the page
 * variable are the same object, pinned once.
 */
#include <linux/mm.h>

int touch_user_folio(unsigned long uaddr)
{
	struct page *page;
	struct folio *folio;
	long ret;

	ret = pin_user_pages_unlocked(uaddr, 1, &page, FOLL_WRITE);	/* expect-note: {{pinned here by pin_user_pages_unlocked()}} */
	if (ret <= 0)
		return ret ? (int)ret : -EFAULT;
	folio = page_folio(page);
	folio_mark_dirty(folio);
	folio_put(folio);	/* expect-warning: page-pin-mismatch {{holds a FOLL_PIN pin from pin_user_pages_unlocked() but is released with folio_put()}} */
	return 0;
}
