/*
 * page-pin-mismatch, negative. release_pages() is the batched put_page(),
 * right for a get_user_pages_unlocked() array; and the page allocator's own
 * pages may go back with put_page() (the last reference frees them) or
 * __free_page(). Neither is a pin.
 */
#include <linux/mm.h>

extern void consume_pages(struct page **pages, long n);

long read_user_pages(unsigned long uaddr, unsigned long nr)
{
	struct page *pages[32];
	long got;

	if (nr > 32)
		return -EINVAL;
	got = get_user_pages_unlocked(uaddr, nr, pages, 0);
	if (got <= 0)
		return got;
	consume_pages(pages, got);
	release_pages(pages, got);
	return got;
}

int scratch_page_roundtrip(void)
{
	struct page *a = alloc_page(GFP_KERNEL);
	struct page *b;

	if (!a)
		return -ENOMEM;
	b = alloc_page(GFP_KERNEL);
	if (!b) {
		put_page(a);
		return -ENOMEM;
	}
	SetPageDirty(a);
	SetPageDirty(b);
	put_page(a);
	__free_page(b);
	return 0;
}
