/*
 * page-unguarded-deref through helpers (summaries), positive and negative.
 * Static helpers of the same file are summarised from their bodies: a
 * helper that returns pfn_to_page() of its argument after a pfn_valid()
 * check gives its callers a pfn_valid()-only page, one and two calls deep,
 * without a rule.  A helper built on pfn_to_online_page() gives a safe one.
 */
#include <linux/mm.h>
#include <linux/memory_hotplug.h>

static struct page *lookup(unsigned long pfn)
{
	if (!pfn_valid(pfn))
		return NULL;
	return pfn_to_page(pfn);
}

static struct page *lookup_twice_removed(unsigned long pfn)
{
	return lookup(pfn);
}

static struct page *lookup_online(unsigned long pfn)
{
	return pfn_to_online_page(pfn);
}

int one_deep(unsigned long pfn)
{
	struct page *page = lookup(pfn);	/* expect-note: {{page obtained here from lookup()}} */

	if (!page)
		return 0;
	return PageLRU(page);			/* expect-warning: page-unguarded-deref {{'page' is used by PageLRU() but its pfn was only checked with pfn_valid()}} */
}

int two_deep(unsigned long pfn)
{
	struct page *page = lookup_twice_removed(pfn);	/* expect-note: {{page obtained here from lookup_twice_removed()}} */

	return page && PageDirty(page);		/* expect-warning: page-unguarded-deref {{'page' is used by PageDirty()}} */
}

int online_helper(unsigned long pfn)
{
	struct page *page = lookup_online(pfn);

	return page ? page_to_nid(page) : -1;
}
