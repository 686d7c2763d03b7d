/*
 * Suppressions, NOLINTNEXTLINE on the line before the finding: a leak on an
 * error return silenced by id, and an unguarded use silenced by a bare
 * `//` NOLINTNEXTLINE.  The same bodies warn in
 * suppress-wrong-check-still-warns.c, so this case expects silence.
 */
#include <linux/mm.h>

int leak_on_error(unsigned long addr, int flag)
{
	struct page *page;

	if (get_user_pages_fast(addr, 1, 0, &page) != 1)
		return -14;
	if (flag)
		/* NOLINTNEXTLINE(page-ref-leak) */
		return -22;
	put_page(page);
	return 0;
}

int next_line_bare(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);

	// NOLINTNEXTLINE
	return PageReserved(page);
}
