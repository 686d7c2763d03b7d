/*
 * page-ref-leak, negative. The io_uring io_pin_pages() shape (6.1,
 * io_uring/rsrc.c): pin into a freshly allocated page array, return the
 * array when everything was pinned, otherwise unpin what was pinned
 * (`if (ret) unpin_user_pages(pages, ret);` -- !ret holds nothing) and
 * return an error pointer. Returning the array hands the pins to the caller.
 */
#include <linux/mm.h>

extern void *kvmalloc_array(size_t n, size_t size, gfp_t flags);
extern void kvfree(const void *addr);

struct page **pin_buffer(unsigned long ubuf, unsigned long len, int *npages)
{
	unsigned long start, end, nr_pages;
	struct page **pages;
	long ret;

	end = (ubuf + len + PAGE_SIZE - 1) >> PAGE_SHIFT;
	start = ubuf >> PAGE_SHIFT;
	nr_pages = end - start;

	pages = kvmalloc_array(nr_pages, sizeof(struct page *), GFP_KERNEL);
	if (!pages)
		return ERR_PTR(-ENOMEM);

	ret = pin_user_pages(ubuf, nr_pages, FOLL_WRITE | FOLL_LONGTERM, pages, NULL);
	if (ret == nr_pages) {
		*npages = nr_pages;
		return pages;
	}
	if (ret >= 0) {
		if (ret)
			unpin_user_pages(pages, ret);
		ret = -EFAULT;
	}
	kvfree(pages);
	return ERR_PTR(ret);
}
