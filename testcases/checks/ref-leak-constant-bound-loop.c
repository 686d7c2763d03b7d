/*
 * page-ref-leak (kernel: mm/vmalloc.c vm_area_alloc_pages()).  A loop
 * `for (i = 0; i < (1U << order); i++)` runs at least once: its first test
 * compares the constant it starts from with a bound known to be larger (a
 * larger constant, or 1 << n), so there is no zero-trip path on which the
 * allocation is neither stored nor freed.  With an unknown bound (`n`) the
 * loop may run zero times, and the allocation leaks on that path.
 */
#include <linux/mm.h>
int fill_order(struct page **pages, unsigned int order, int n)
{
	struct page *page;
	int i;

	page = alloc_pages(GFP_KERNEL, order);
	if (!page)
		return -ENOMEM;
	for (i = 0; i < (1U << order); i++)
		pages[n + i] = page + i;
	return 0;
}
int fill_n(struct page **pages, unsigned int order, int n)
{
	struct page *page;

	page = alloc_pages(GFP_KERNEL, order);	/* expect-note: {{allocated here}} */
	if (!page)
		return -ENOMEM;
	for (int i = 0; i < n; i++)
		pages[n + i] = page + i;
	return 0;	/* expect-warning: page-ref-leak {{allocated by alloc_pages() is not freed on this path}} */
}
