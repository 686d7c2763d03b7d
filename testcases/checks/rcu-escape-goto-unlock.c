/*
 * page-rcu-escape, positive. The section is closed at a shared goto label
 * ("out_unlock: rcu_read_unlock();") and the page is used after the label.
 */
#include <linux/mm.h>
#include <linux/rcupdate.h>

int flags_of(unsigned long pfn, unsigned long *flags)
{
	struct page *page = NULL;
	int ret = -ENOENT;

	rcu_read_lock();
	if (!pfn_active(pfn))			/* expect-note: {{pfn checked with pfn_active() here}} */
		goto out_unlock;
	page = pfn_to_page(pfn);		/* expect-note: {{page obtained here from pfn_to_page()}} */
	ret = 0;
out_unlock:
	rcu_read_unlock();			/* expect-note: {{RCU read-side section ended here}} */
	if (ret)
		return ret;
	*flags = page->flags;			/* expect-warning: page-rcu-escape {{'page' is used by '->flags' after rcu_read_unlock()}} */
	return 0;
}
