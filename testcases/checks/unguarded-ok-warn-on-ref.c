/*
 * page-unguarded-deref, negative. WARN_ON()/WARN_ON_ONCE() around a
 * reference acquisition: both are statement expressions that yield the
 * condition through unlikely(), so returning on them leaves the page
 * referenced on the fall-through path.
 */
/* pagelife-args: --checks=-page-ref-leak
 * (this case is about page-unguarded-deref; its references are not the point) */
#include <linux/mm.h>

int warn_ref(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);
	int ret;

	if (WARN_ON(!get_page_unless_zero(page)))
		return -EBUSY;
	ret = PageReserved(page);
	put_page(page);
	return ret;
}

int warn_once_ref(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);
	int ret;

	if (WARN_ON_ONCE(!try_get_page(page)))
		return -EBUSY;
	ret = page->flags & 1;
	put_page(page);
	return ret;
}
