/*
 * page-pin-mismatch, negative. FOLL_GET references released as references:
 * get_user_pages() pages dropped one by one with put_page() in a loop (the
 * classic idiom; CASE 4 of pin_user_pages.rst, struct page manipulation
 * only), and get_user_pages_remote() of a single page dropped with
 * put_page(). FOLL_GET spelled out in the flags is still a reference.
 */
#include <linux/mm.h>

int count_dirty_user_pages(unsigned long uaddr, unsigned long nr)
{
	struct page *pages[8];
	long ret, i;
	int dirty = 0;

	if (nr > 8)
		return -EINVAL;
	ret = get_user_pages(uaddr, nr, FOLL_GET, pages, NULL);
	if (ret < 0)
		return (int)ret;
	for (i = 0; i < ret; i++)
		dirty += PageDirty(pages[i]);
	for (i = 0; i < ret; i++)
		put_page(pages[i]);
	return dirty;
}

int remote_page_is_anon(struct mm_struct *mm, unsigned long addr)
{
	struct page *page;
	int locked = 1;
	int anon;

	if (get_user_pages_remote(mm, addr, 1, FOLL_FORCE, &page, NULL, &locked) <= 0)
		return -EFAULT;
	anon = PageAnon(page);
	put_page(page);
	return anon;
}
