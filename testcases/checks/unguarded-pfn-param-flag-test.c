/*
 * page-unguarded-deref, positive. The simplest bad pattern from the seeds
 * (pfn-to-online-page-zone-device-rcu-pfn-active): a pfn handed in by the
 * caller goes through pfn_to_page() and the page's flags are tested with no
 * reference, no online check and no RCU-guarded pfn_active(). The memmap of
 * such a pfn may be uninitialised or hot-removed. The second use of the same
 * page is not reported again: one warning per obtained page, at its first use.
 */
#include <linux/mm.h>

bool pfn_is_reserved(unsigned long pfn)
{
	struct page *page;

	page = pfn_to_page(pfn);	/* expect-note: {{page obtained here from pfn_to_page()}} */
	if (PageReserved(page))		/* expect-warning: page-unguarded-deref {{'page' comes from an arbitrary pfn and is used by PageReserved() without a reference}} */
		return true;
	return PageHWPoison(page);
}
