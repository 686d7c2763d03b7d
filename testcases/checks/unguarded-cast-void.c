/*
 * page-unguarded-deref, positive. Casts keep the relation: the page goes
 * through a void * and an unsigned long and back to struct page *, and is
 * then dereferenced.
 */
#include <linux/mm.h>

unsigned long roundtrip(unsigned long pfn)
{
	void *cookie = pfn_to_page(pfn);	/* expect-note: {{page obtained here from pfn_to_page()}} */
	unsigned long handle = (unsigned long)cookie;
	struct page *page = (struct page *)handle;

	return page->private;			/* expect-warning: page-unguarded-deref {{comes from an arbitrary pfn and is used by '->private'}} */
}
