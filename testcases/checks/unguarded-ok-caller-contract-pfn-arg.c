/*
 * page-unguarded-deref, inferred caller contract on a pfn argument. A
 * static helper whose every caller in the TU passes a pfn it checked --
 * pfn_to_online_page(pfn) succeeded, or get_dev_pagemap(pfn) pinned its
 * pgmap -- starts with that pfn at the callers' level, so the helper's own
 * pfn_to_page(pfn) is the checked page (6.1 memory_failure()'s hugetlb and
 * ZONE_DEVICE helpers, group B1). A chain of two helpers inherits it. One
 * caller with an unchecked pfn, or a helper whose address is taken, leaves
 * the pfn arbitrary.
 */
#include <linux/mm.h>
#include <linux/memremap.h>

static int huge_helper(unsigned long pfn)
{
	struct page *p = pfn_to_page(pfn);

	return PageHuge(compound_head(p));
}

static int kill_procs(unsigned long pfn, struct dev_pagemap *pgmap)
{
	struct page *page = pfn_to_page(pfn);

	return PageDirty(page);
}

static int dev_pagemap_failure(unsigned long pfn, struct dev_pagemap *pgmap)
{
	int rc = kill_procs(pfn, pgmap);

	put_dev_pagemap(pgmap);
	return rc;
}

int failure(unsigned long pfn)
{
	struct dev_pagemap *pgmap;
	struct page *p = pfn_to_online_page(pfn);

	if (!p) {
		pgmap = get_dev_pagemap(pfn, NULL);
		if (pgmap)
			return dev_pagemap_failure(pfn, pgmap);
		return -EIO;
	}
	return huge_helper(pfn);
}

static int mixed_helper(unsigned long pfn)
{
	struct page *p = pfn_to_page(pfn);	/* expect-note: {{page obtained here from pfn_to_page()}} */

	return PageDirty(p);			/* expect-warning: page-unguarded-deref {{arbitrary pfn}} */
}

int mixed_checked(unsigned long pfn)
{
	if (!pfn_to_online_page(pfn))
		return 0;
	return mixed_helper(pfn);
}

int mixed_unchecked(unsigned long pfn)
{
	return mixed_helper(pfn + 1);
}
