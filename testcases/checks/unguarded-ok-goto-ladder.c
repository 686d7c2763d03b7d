/*
 * page-unguarded-deref, negative. A kernel error-unwinding goto ladder: every
 * failed acquisition jumps to a label that only releases what was taken;
 * the uses are all on the success path after the references.
 */
#include <linux/mm.h>

int pair_op(unsigned long src_pfn, unsigned long dst_pfn)
{
	struct page *src, *dst;
	int ret;

	src = pfn_to_page(src_pfn);
	if (!get_page_unless_zero(src)) {
		ret = -EBUSY;
		goto out;
	}
	dst = pfn_to_page(dst_pfn);
	if (!get_page_unless_zero(dst)) {
		ret = -EBUSY;
		goto out_put_src;
	}
	if (PageReserved(src) || PageReserved(dst)) {
		ret = -EPERM;
		goto out_put_dst;
	}
	SetPageDirty(dst);
	ret = 0;
out_put_dst:
	put_page(dst);
out_put_src:
	put_page(src);
out:
	return ret;
}
