/*
 * page-ref-leak, positive. A speculative reference on the caller's page
 * (get_page_unless_zero(), the pfn-walker idiom of memory-failure and
 * compaction). Its failure path returns with nothing held -- correct -- but
 * the "reserved page, skip it" path returns after the reference succeeded
 * without dropping it, so the page can never be freed again.
 */
#include <linux/mm.h>

extern int isolate_one(struct page *page);

int try_isolate(struct page *page)
{
	int ret;

	if (!get_page_unless_zero(page))	/* expect-note: {{reference taken here}} */
		return -EBUSY;
	if (PageReserved(page))
		return -EPERM;			/* expect-warning: page-ref-leak {{reference to 'page' taken by get_page_unless_zero() is not released on this path}} */
	ret = isolate_one(page);
	put_page(page);
	return ret;
}
