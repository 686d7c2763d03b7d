/*
 * Runner self-test case (not a checker test): fake-pagelife prints canned
 * diagnostics for these lines in various right and wrong ways, and
 * check-runner asserts that run-case passes or fails accordingly.
 */
struct page;
extern struct page *pfn_to_page(unsigned long pfn);
extern int PageReserved(const struct page *page);

int selftest(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);	/* expect-note: {{page obtained here from pfn_to_page()}} */

	return PageReserved(page);		/* expect-warning: page-unguarded-deref {{arbitrary pfn}} */
}
