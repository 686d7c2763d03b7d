/*
 * page-use-after-put, negative. After the put only the pointer value is
 * used: compared against another pointer and turned into a pfn for a
 * counter. Neither reads the struct page (page_to_pfn() is arithmetic on
 * the memmap address), so neither is a use.
 */
#include <linux/mm.h>

extern void note_released_pfn(unsigned long pfn);

bool drop_and_compare(struct page *page, struct page *cached)
{
	put_page(page);
	note_released_pfn(page_to_pfn(page));
	return page == cached;
}
