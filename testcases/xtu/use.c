/*
 * Cross-TU summaries, the calling side: grab() and drop() are defined in
 * pin.c.  The warnings are found only with the summary database
 * (`pagelife summarise`, then --summaries); without it the calls are
 * unknown calls.  testcases/xtu/xtu-test checks both.
 */
#include <linux/mm.h>

int grab(unsigned long addr, struct page **pp);
void drop(struct page *page);

int put_wrong(unsigned long addr)
{
	struct page *page;

	if (grab(addr, &page))
		return -EFAULT;
	put_page(page);		/* expect-warning: page-pin-mismatch */
	return 0;
}

int unpin_right(unsigned long addr)
{
	struct page *page;

	if (grab(addr, &page))
		return -EFAULT;
	unpin_user_page(page);
	return 0;
}

void *use_after_drop(void)
{
	struct page *page = alloc_page(GFP_KERNEL);

	if (!page)
		return NULL;
	drop(page);
	return page_address(page);	/* expect-warning: page-use-after-put */
}
