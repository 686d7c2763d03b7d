/*
 * page-zone-device-unref (was page-unguarded-deref before that check existed),
 * positive. is_zone_device_page() reads page->flags,
 * so calling it on a page nobody holds is the very race Dan Williams lists
 * in seed pfn-to-online-page-zone-device-rcu-pfn-active ("I'm concerned about
 * using is_zone_device_page() in places that are not known to already have
 * a reference to the page").
 */
#include <linux/mm.h>

bool pfn_is_device(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);	/* expect-note: {{page obtained here from pfn_to_page()}} */

	return is_zone_device_page(page);	/* expect-warning: page-zone-device-unref {{is_zone_device_page() on 'page' without a reference}} */
}
