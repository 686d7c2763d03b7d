/*
 * page-longterm-movable, negative. Pages the driver allocates itself with
 * alloc_page(GFP_KERNEL) are unmovable kernel allocations: they never come
 * from ZONE_MOVABLE or a CMA pageblock, so keeping them in the object for
 * its whole life is fine (seed rust-page-owned-and-memory-hot-remove: "If
 * you only allocate a page and free it later, there is no need to worry").
 * The error path frees what was stored so far.
 */
#include <linux/mm.h>
#include <linux/gfp.h>

struct ring {
	unsigned int nr_pages;
	struct page **pages;
	struct page *doorbell;
};

int ring_alloc_pages(struct ring *r, unsigned int nr)
{
	struct page *page;
	unsigned int i;

	for (i = 0; i < nr; i++) {
		page = alloc_page(GFP_KERNEL | __GFP_ZERO);
		if (!page)
			goto err;
		r->pages[i] = page;
	}
	r->doorbell = alloc_page(GFP_KERNEL);
	if (!r->doorbell)
		goto err;
	r->nr_pages = nr;
	return 0;
err:
	while (i--)
		__free_page(r->pages[i]);
	return -ENOMEM;
}
