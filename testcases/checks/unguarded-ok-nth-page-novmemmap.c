/*
 * page-unguarded-deref, negative. With SPARSEMEM without a virtually mapped
 * memmap the kernel's nth_page() expands to
 * pfn_to_page(page_to_pfn(page) + n): the pfn is derived from a page we own,
 * so the resulting page is owned too, even though the checker now sees a
 * pfn_to_page() call. The same nth_page() on a parameter page stays the
 * caller's responsibility.
 * pagelife-cflags: -DCONFIG_SPARSEMEM_NO_VMEMMAP
 */
#include <linux/mm.h>

int second_subpage_dirty(struct page *caller_page)
{
	struct page *block = alloc_pages(GFP_KERNEL, 1);
	int ret;

	if (!block)
		return -ENOMEM;
	ret = PageDirty(nth_page(block, 1));
	ret += PageDirty(nth_page(caller_page, 1));
	__free_pages(block, 1);
	return ret;
}
