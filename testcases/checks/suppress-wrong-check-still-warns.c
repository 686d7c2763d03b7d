/*
 * Suppressions that must not silence: NOLINT naming another check,
 * NOLINTNEXTLINE two lines above the finding, NOLINT inside a string
 * literal (not a comment), and NOLINTNEXTLINE on the finding's own line
 * (it is for the next line).  Every finding is still reported.
 */
#include <linux/mm.h>

extern void log_str(const char *s);

int other_check(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);	/* expect-note: {{page obtained here from pfn_to_page()}} */

	return PageReserved(page); /* NOLINT(page-pin-mismatch) expect-warning: page-unguarded-deref {{PageReserved()}} */
}

int too_far_above(unsigned long addr, int flag)
{
	struct page *page;

	if (get_user_pages_fast(addr, 1, 0, &page) != 1)	/* expect-note: {{reference taken here}} */
		return -14;
	/* NOLINTNEXTLINE(page-ref-leak) */
	if (flag)
		return -22;	/* expect-warning: page-ref-leak {{not released on this path}} */
	put_page(page);
	return 0;
}

int in_a_string(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);	/* expect-note: {{page obtained here from pfn_to_page()}} */

	log_str("NOLINT"); return PageReserved(page);	/* expect-warning: page-unguarded-deref {{PageReserved()}} */
}

int next_line_on_own_line(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);	/* expect-note: {{page obtained here from pfn_to_page()}} */

	return PageReserved(page); /* NOLINTNEXTLINE expect-warning: page-unguarded-deref {{PageReserved()}} */
}
