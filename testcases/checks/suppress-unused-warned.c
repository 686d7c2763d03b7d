/*
 * --warn-unused-suppressions: a suppression that silenced nothing is
 * reported as an `unused-suppression` warning where its comment says so; so is a
 * check id in a list that silenced nothing, and an id that names no pagelife
 * check (a typo: the finding it meant still warns).  A used suppression and
 * an id of another tool (clang-tidy's) are not reported.
 *
 * pagelife-args: --warn-unused-suppressions
 */
#include <linux/mm.h>

int used(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);

	return PageReserved(page); /* NOLINT(page-unguarded-deref) */
}

int nothing_to_silence(struct page *page)
{
	return PageReserved(page); /* NOLINT(page-unguarded-deref) expect-warning: unused-suppression {{silenced no finding on this line}} */
}

int bare_unused(struct page *page)
{
	/* NOLINTNEXTLINE expect-warning: unused-suppression {{silenced no finding on the next line}} */
	return PageReserved(page);
}

int half_used(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);

	return PageReserved(page); /* NOLINT(page-unguarded-deref, page-ref-leak) expect-warning: unused-suppression {{'page-ref-leak' in}} */
}

int typo(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);	/* expect-note: {{page obtained here}} */

	return PageReserved(page); /* NOLINT(page-unguarded-dref) expect-warning: page-unguarded-deref expect-warning: unused-suppression {{names no pagelife check}} */
}

int other_tool(struct page *page)
{
	return PageReserved(page); /* NOLINT(bugprone-branch-clone) */
}
