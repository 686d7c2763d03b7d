/*
 * page-unguarded-deref, positive, strict policy. pfn_valid()-only pages and
 * arbitrary pages are reported the same way under --policy=strict as under
 * mainline; the policy only changes how pfn_to_online_page() is judged.
 * pagelife-args: --policy=strict
 */
#include <linux/mm.h>

bool strict_valid_only(unsigned long pfn)
{
	struct page *page;

	if (!pfn_valid(pfn))			/* expect-note: {{pfn checked only with pfn_valid() here}} */
		return false;
	page = pfn_to_page(pfn);		/* expect-note: {{page obtained here from pfn_to_page()}} */
	return PageHuge(page);			/* expect-warning: page-unguarded-deref {{'page' is used by PageHuge() but its pfn was only checked with pfn_valid()}} */
}

bool strict_arbitrary(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);	/* expect-note: {{page obtained here from pfn_to_page()}} */

	return PageCompound(page);		/* expect-warning: page-unguarded-deref {{'page' comes from an arbitrary pfn and is used by PageCompound()}} */
}
