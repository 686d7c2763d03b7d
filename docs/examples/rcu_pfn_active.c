/*
 * The RCU pfn_active() protocol proposed on linux-mm: the memmap of an
 * active pfn stays initialised until rcu_read_unlock().  Using the page
 * after the unlock needs a reference taken inside the section.
 */
#include <linux/mm.h>
#include <linux/rcupdate.h>

int page_node_escapes(unsigned long pfn)
{
	struct page *page = NULL;

	rcu_read_lock();
	if (pfn_active(pfn))
		page = pfn_to_page(pfn);
	rcu_read_unlock();
	if (!page)
		return -1;
	return page_to_nid(page);
}

int page_node_with_reference(unsigned long pfn)
{
	struct page *page = NULL;
	int nid;

	rcu_read_lock();
	if (pfn_active(pfn)) {
		page = pfn_to_page(pfn);
		if (!get_page_unless_zero(page))
			page = NULL;
	}
	rcu_read_unlock();
	if (!page)
		return -1;
	nid = page_to_nid(page);
	put_page(page);
	return nid;
}
