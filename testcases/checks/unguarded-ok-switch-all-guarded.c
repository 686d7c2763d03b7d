/*
 * page-unguarded-deref, negative. A switch whose every path to the use has a
 * guarantee: a reference in one case, a fresh allocation in two others (one
 * falling through into the other), and a default that returns.
 */
#include <linux/mm.h>

int choose(unsigned long pfn, int how)
{
	gfp_t gfp = GFP_KERNEL;
	struct page *page;
	int ret;

	switch (how) {
	case 0:
		page = pfn_to_page(pfn);
		if (!get_page_unless_zero(page))
			return -EBUSY;
		break;
	case 1:
		gfp |= __GFP_ZERO;
		fallthrough;
	case 2:
		page = alloc_pages(gfp, 0);
		if (!page)
			return -ENOMEM;
		break;
	default:
		return -EINVAL;
	}
	ret = PageSwapBacked(page);
	put_page(page);
	return ret;
}
