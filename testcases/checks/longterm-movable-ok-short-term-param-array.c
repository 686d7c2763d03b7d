/*
 * page-longterm-movable, negative. A GUP helper that fills its *caller's*
 * array (the iov_iter_get_pages() / bio_iov_iter_get_pages() shape of direct
 * I/O): a parameter array outlives this function, but whether the pages are
 * kept long-term is the caller's decision, and nearly every such caller is a
 * short-term I/O path (pin_user_pages.rst "Case 1: Direct IO"). Only
 * long-lived *objects* (a member reached through a pointer, a global) are
 * "kept". Seed udmabuf-longterm-pins-movable-pages is about objects that
 * hold the pages "possibly forever".
 */
#include <linux/mm.h>

long get_user_chunk(unsigned long uaddr, int npages, bool write,
		    struct page **pages)
{
	unsigned int gup_flags = write ? FOLL_WRITE : 0;

	return pin_user_pages_fast(uaddr, npages, gup_flags, pages);
}

int get_user_one(unsigned long uaddr, struct page **pagep)
{
	int ret = get_user_pages_fast(uaddr, 1, 0, pagep);

	return ret == 1 ? 0 : -EFAULT;
}
