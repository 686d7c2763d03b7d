/*
 * page-use-after-put, positive. A bounce page from the page allocator is
 * freed with __free_page() (a macro for __free_pages(page, 0)) and then
 * mapped to copy the result out. Owned pages end at the free just as
 * references end at put_page().
 */
#include <linux/mm.h>
#include <linux/highmem.h>

extern int hw_fill(void *buf, size_t len);
extern void copy_out(void *dst, const void *src, size_t len);

int bounce_read(void *dst, size_t len)
{
	struct page *bounce;
	void *kaddr;
	int ret;

	if (len > PAGE_SIZE)
		return -EINVAL;
	bounce = alloc_page(GFP_KERNEL);	/* expect-note: {{page obtained here from alloc_page}} */
	if (!bounce)
		return -ENOMEM;
	ret = hw_fill(page_address(bounce), len);
	__free_page(bounce);			/* expect-note: {{reference dropped here}} */
	if (ret)
		return ret;
	kaddr = kmap_local_page(bounce);	/* expect-warning: page-use-after-put {{'bounce' is used by kmap_local_page() after __free_page}} */
	copy_out(dst, kaddr, len);
	kunmap_local(kaddr);
	return 0;
}
