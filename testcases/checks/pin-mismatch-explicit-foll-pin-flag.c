/*
 * page-pin-mismatch, positive. The pin comes from the flags, not from the
 * function name: FOLL_PIN is OR'd into a local flags variable and passed to
 * get_user_pages_remote(). Documentation/core-api/pin_user_pages.rst says
 * FOLL_PIN "is internal to gup, meaning that it should not appear at the gup
 * call sites" (mainline rejects it there with a WARN and -EINVAL), but
 * mm/gup.c itself and out-of-tree code build flag words this way; either
 * way, whatever FOLL_PIN took must go back through unpin_user_page(). The
 * flags are evaluated from the expression: `flags = FOLL_WRITE; flags |=
 * FOLL_PIN;`.
 */
#include <linux/mm.h>

int remote_read_word(struct mm_struct *mm, unsigned long addr, unsigned long *out)
{
	struct page *page;
	unsigned int gup_flags = FOLL_FORCE;
	unsigned long *kaddr;
	long ret;
	int locked = 1;

	gup_flags |= FOLL_PIN;
	ret = get_user_pages_remote(mm, addr, 1, gup_flags, &page, NULL, &locked);	/* expect-note: {{pinned here by get_user_pages_remote()}} */
	if (ret <= 0)
		return -EFAULT;

	kaddr = page_address(page);
	*out = kaddr[(addr & ~PAGE_MASK) / sizeof(unsigned long)];
	put_page(page);		/* expect-warning: page-pin-mismatch {{'page' holds a FOLL_PIN pin from get_user_pages_remote() but is released with put_page()}} */
	return 0;
}
