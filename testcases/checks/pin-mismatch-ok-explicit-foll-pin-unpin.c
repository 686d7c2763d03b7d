/*
 * page-pin-mismatch, negative. The counterpart of
 * pin-mismatch-explicit-foll-pin-flag.c: FOLL_PIN built into the flags
 * word of a get_user_pages_remote() call, and the page released with
 * unpin_user_page(); and pin_user_pages_remote() (FOLL_PIN set internally)
 * released with unpin_user_page_range_dirty_lock(), which unpins and dirties
 * a run of pages starting at one page.
 */
#include <linux/mm.h>

int remote_peek(struct mm_struct *mm, unsigned long addr, unsigned long *out)
{
	struct page *page;
	unsigned int gup_flags = FOLL_FORCE | FOLL_PIN;
	unsigned long *kaddr;
	int locked = 1;

	if (get_user_pages_remote(mm, addr, 1, gup_flags, &page, NULL, &locked) <= 0)
		return -EFAULT;
	kaddr = page_address(page);
	*out = kaddr[(addr & ~PAGE_MASK) / sizeof(unsigned long)];
	unpin_user_page(page);
	return 0;
}

int remote_poke(struct mm_struct *mm, unsigned long addr, unsigned long val)
{
	struct page *page;
	unsigned long *kaddr;
	int locked = 1;
	long ret;

	ret = pin_user_pages_remote(mm, addr, 1, FOLL_WRITE | FOLL_FORCE, &page, NULL, &locked);
	if (ret <= 0)
		return ret ? (int)ret : -EFAULT;
	kaddr = page_address(page);
	kaddr[(addr & ~PAGE_MASK) / sizeof(unsigned long)] = val;
	unpin_user_page_range_dirty_lock(page, 1, true);
	return 0;
}
