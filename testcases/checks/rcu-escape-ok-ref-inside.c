/*
 * page-rcu-escape, negative. The fix the message asks for: a successful
 * get_page_unless_zero() inside the read-side section gives a reference that
 * outlives rcu_read_unlock(). (Dropping that reference later is the business
 * of page-ref-leak, not of this check.)
 */
#include <linux/mm.h>
#include <linux/rcupdate.h>

int ref_inside(unsigned long pfn)
{
	struct page *page = NULL;
	int ret;

	rcu_read_lock();
	if (pfn_active(pfn)) {
		page = pfn_to_page(pfn);
		if (!get_page_unless_zero(page))
			page = NULL;
	}
	rcu_read_unlock();
	if (!page)
		return -ENOENT;
	ret = PageDirty(page) + page_to_nid(page);
	put_page(page);
	return ret;
}

int folio_ref_inside(unsigned long pfn)
{
	struct folio *folio;
	int ret;

	rcu_read_lock();
	if (!pfn_active(pfn)) {
		rcu_read_unlock();
		return -ENOENT;
	}
	folio = page_folio(pfn_to_page(pfn));
	if (!folio_try_get(folio)) {
		rcu_read_unlock();
		return -EBUSY;
	}
	rcu_read_unlock();
	ret = folio_test_lru(folio);
	folio_put(folio);
	return ret;
}
