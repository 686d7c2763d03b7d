/*
 * page-rcu-escape, negative. After the unlock the page is only converted
 * back to its pfn, related to its folio and compared: none of that reads
 * the struct page, so nothing escapes. All reads happen inside the section,
 * including in a do/while loop.
 */
#include <linux/mm.h>
#include <linux/rcupdate.h>

unsigned long last_lru_pfn(unsigned long pfn, unsigned long nr)
{
	struct page *last = NULL;

	rcu_read_lock();
	do {
		if (pfn_active(pfn)) {
			struct page *page = pfn_to_page(pfn);

			if (PageLRU(page))
				last = page;
		}
		pfn++;
	} while (--nr);
	rcu_read_unlock();
	if (!last || page_folio(last) == NULL)
		return 0;
	return page_to_pfn(last);
}
