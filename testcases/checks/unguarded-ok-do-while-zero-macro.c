/*
 * page-unguarded-deref, negative. A local helper macro wrapped in
 * do { } while (0) takes the reference or jumps to the error label; the
 * uses come after it. A while loop retries the speculative reference.
 */
#include <linux/mm.h>

#define get_or_bail(page, label)				\
	do {							\
		if (!get_page_unless_zero(page))		\
			goto label;				\
	} while (0)

int macro_ref(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);
	int ret;

	get_or_bail(page, busy);
	ret = PageUptodate(page);
	put_page(page);
	return ret;
busy:
	return -EBUSY;
}

int retry_ref(unsigned long pfn, int tries)
{
	struct page *page = pfn_to_page(pfn);

	while (!get_page_unless_zero(page)) {
		if (--tries == 0)
			return -EBUSY;
		cond_resched();
	}
	tries = PageLRU(page);
	put_page(page);
	return tries;
}
