/*
 * page-ref-leak, positive (owned page). A scratch page from alloc_page()
 * (a macro for alloc_pages(gfp, 0)) is freed on the normal path but not
 * when the copy from user space fails -- the most common leak shape there
 * is: an error return added later between the allocation and the free.
 */
#include <linux/mm.h>

extern unsigned long copy_from_user(void *to, const void *from, unsigned long n);
extern int hw_send(void *buf, size_t len);

int send_user_buf(const void *ubuf, size_t len)
{
	struct page *page;
	void *buf;
	int ret;

	if (len > PAGE_SIZE)
		return -EINVAL;
	page = alloc_page(GFP_KERNEL);	/* expect-note: {{allocated here}} */
	if (!page)
		return -ENOMEM;
	buf = page_address(page);
	if (copy_from_user(buf, ubuf, len))
		return -EFAULT;		/* expect-warning: page-ref-leak {{page 'page' allocated by alloc_page}} */
	ret = hw_send(buf, len);
	__free_page(page);
	return ret;
}
