/* The long description of each check, one paragraph of plain text, for
 * formats that carry one (SARIF's fullDescription) and for editors.  The
 * check's page in docs/checks/ says the same at length. */
#include "descriptions.h"

#include <string.h>

static const struct {
	const char *id, *text;
} descriptions[] = {
	{ "page-unguarded-deref",
	  "A struct page or folio computed from an arbitrary pfn or physical address is used while nothing keeps its "
	  "memmap valid: no reference or pin, no online check (pfn_to_online_page()), no held ZONE_DEVICE pgmap and no "
	  "RCU-guarded pfn_active() check. A pfn checked only with pfn_valid() gets its own message, since pfn_valid() "
	  "does not guarantee an initialised memmap that stays present." },
	{ "page-rcu-escape",
	  "A page validated with pfn_active() under rcu_read_lock() is used after rcu_read_unlock(). The RCU protocol "
	  "keeps the memmap only while the read-side section is open; take a reference inside the section to use the "
	  "page after it." },
	{ "page-pin-mismatch",
	  "A page this function pinned with FOLL_PIN is released as a plain reference (put_page(), folio_put(), "
	  "release_pages()), or a page held by a plain reference is released as a pin (unpin_user_page*()). Pins and "
	  "references are counted differently, so each must be released by its own API." },
	{ "page-use-after-put",
	  "A page or folio is used after this code dropped the reference, pin or ownership that kept it alive "
	  "(put_page(), folio_put(), unpin_user_page(), __free_pages()): a use after free. Releasing it a second time "
	  "is a double put." },
	{ "page-ref-leak",
	  "A reference, pin or allocated page that this function took is still held when it returns on some path: "
	  "nothing released it, stored it somewhere that outlives the function, returned it or handed it over. The "
	  "path is usually an error path: an early return or a goto to the wrong label." },
	{ "page-zone-device-unref",
	  "A ZONE_DEVICE query (is_zone_device_page(), page_pgmap(), is_device_private_page(), ...) is made on a page "
	  "computed from a pfn or physical address while nothing keeps the device memory plugged in: no reference on "
	  "the page and no get_dev_pagemap() for its pfn." },
	{ "page-longterm-movable",
	  "A reference to a possibly movable page (a page cache page, or a user page pinned without FOLL_LONGTERM) is "
	  "stored into an object that outlives the function. Holding it there makes a movable page unmovable, so "
	  "memory hot-unplug and CMA allocations fail on it; pin with FOLL_LONGTERM instead." },
	{ "page-netmem-mm",
	  "A struct page pointer that may really be a net_iov (the networking stack's page look-alike for device "
	  "memory) is passed to an mm call such as page_address(), kmap(), get_page(), put_page() or a page flag test. "
	  "It came from netmem_to_page() or skb_frag_page() and nothing on the path ruled out a net_iov." },
};

const char *check_description(const char *id)
{
	for (size_t i = 0; i < sizeof(descriptions) / sizeof(descriptions[0]); i++)
		if (!strcmp(descriptions[i].id, id))
			return descriptions[i].text;
	return NULL;
}
