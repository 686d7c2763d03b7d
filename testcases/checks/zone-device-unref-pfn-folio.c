/*
 * page-zone-device-unref, positive. The folio form: pfn_folio() of a pfn
 * nobody holds, then folio_is_zone_device() - the same unprotected read of
 * page->flags as is_zone_device_page() (seed pfn-to-online-page-zone-device-
 * rcu-pfn-active: "I'm concerned about using is_zone_device_page() in places
 * that are not known to already have a reference to the page"). A NULL
 * check on the folio is not a guard.
 */
#include <linux/mm.h>

bool range_has_device_folio(unsigned long start_pfn, unsigned long nr)
{
	struct folio *folio = pfn_folio(start_pfn);	/* expect-note: {{page obtained here from pfn_folio()}} */

	if (!folio || !nr)
		return false;
	return folio_is_zone_device(folio);	/* expect-warning: page-zone-device-unref {{folio_is_zone_device() on 'folio' without a reference or get_dev_pagemap() for its pfn}} */
}
