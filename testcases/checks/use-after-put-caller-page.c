/*
 * page-use-after-put, positive. The function drops a reference on a page
 * the caller handed in -- the reference the caller's lookup took -- and
 * then reads the page for a trace message. After put_page() nothing this
 * code can see keeps the page alive: if that was the last reference the
 * page is back in the allocator and its flags belong to the next user.
 * (The classic "put_page() before the tracepoint" use-after-free.)
 */
#include <linux/mm.h>

extern void trace_page_released(unsigned long pfn, unsigned long flags);

void release_cached_page(struct page *page)
{
	put_page(page);			/* expect-note: {{reference dropped here}} */
	trace_page_released(page_to_pfn(page), page->flags);	/* expect-warning: page-use-after-put {{'page' is used by '->flags' after put_page() dropped the reference this code held; the page may already be freed}} */
}
