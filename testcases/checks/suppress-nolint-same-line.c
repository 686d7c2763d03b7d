/*
 * Suppressions, NOLINT on the finding's line (clang-tidy's convention):
 * with the check's id, in a comma-separated list, as a glob, as a `//`
 * comment, and bare (every check).  Each of these functions has exactly one
 * page-unguarded-deref finding without its comment (see the same bodies in
 * suppress-wrong-check-still-warns.c), so the case expects silence.
 */
#include <linux/mm.h>

int by_id(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);

	return PageReserved(page); /* NOLINT(page-unguarded-deref) */
}

int in_a_list(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);

	return PageReserved(page); /* NOLINT(page-pin-mismatch, page-unguarded-deref) */
}

int by_glob(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);

	return PageReserved(page); /* NOLINT(page-unguarded-*) */
}

int line_comment(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);

	return PageReserved(page); // NOLINT(page-unguarded-deref): crash dump reader, memmap is frozen
}

int bare(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);

	return PageReserved(page); /* NOLINT */
}
