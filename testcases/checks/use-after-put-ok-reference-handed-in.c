/*
 * page-use-after-put, negative (kernel: mm/memory-failure.c
 * memory_failure(), MF_COUNT_INCREASED).  The caller passes a pfn and,
 * with a flag, a reference on its page.  The page is looked up with
 * pfn_to_online_page(); dropping the handed-in reference with put_page()
 * leaves an online page whose memmap stays valid, and the retry that
 * reads its flags again is not a use after put of this code's reference.
 * The same for a ZONE_DEVICE pfn whose pgmap this code holds
 * (memory_failure_dev_pagemap()): after the put the page is still the
 * pgmap's.
 */
#include <linux/mm.h>
#include <linux/memory_hotplug.h>
#include <linux/memremap.h>

#define MF_COUNT_INCREASED 1

extern int try_handle(struct page *p);

int poison_pfn(unsigned long pfn, int flags)
{
	struct page *p = pfn_to_online_page(pfn);
	int retry = 1;

	if (!p)
		return -EINVAL;
try_again:
	if (PageHWPoison(p))
		return -EBUSY;
	if (try_handle(p) && retry) {
		if (flags & MF_COUNT_INCREASED)
			put_page(p);
		flags &= ~MF_COUNT_INCREASED;
		retry = 0;
		goto try_again;
	}
	SetPageHWPoison(p);
	return 0;
}

int poison_device_pfn(unsigned long pfn, int flags)
{
	struct dev_pagemap *pgmap = get_dev_pagemap(pfn, NULL);
	struct page *page;
	int rc;

	if (!pgmap)
		return -EINVAL;
	page = pfn_to_page(pfn);
	if (flags & MF_COUNT_INCREASED)
		put_page(page);
	rc = PageHWPoison(page);
	put_dev_pagemap(pgmap);
	return rc;
}
