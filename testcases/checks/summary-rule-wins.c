/*
 * Explicit rules win over computed summaries.  This file defines its own
 * pfn_valid() whose body tells nothing; the rules still say what
 * pfn_valid() means (a memmap exists, nothing more), so the walker gets
 * the pfn_valid()-only message, not silence and not "arbitrary".
 */
typedef unsigned long size_t;
struct page {
	unsigned long flags;
};
extern struct page *pfn_to_page(unsigned long pfn);
extern int PageReserved(struct page *page);

static int pfn_valid(unsigned long pfn)
{
	return pfn != 0;
}

int reserved(unsigned long pfn)
{
	if (!pfn_valid(pfn))			/* expect-note: {{pfn checked only with pfn_valid() here}} */
		return 0;
	return PageReserved(pfn_to_page(pfn));	/* expect-warning: page-unguarded-deref {{only checked with pfn_valid()}} expect-note: {{page obtained here from pfn_to_page()}} */
}
