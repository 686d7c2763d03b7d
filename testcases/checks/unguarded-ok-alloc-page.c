/*
 * page-unguarded-deref, negative. Pages we allocated are owned: alloc_page()
 * and alloc_pages() (after a NULL check, also with WARN_ON()), folio_alloc(),
 * and the page of a __get_free_page() address through virt_to_page().
 * alloc_page() and __get_free_page() are macros around alloc_pages() and
 * __get_free_pages(), as in the kernel. The owned page's pfn round-trips
 * through pfn_to_page(page_to_pfn(...)) without losing ownership.
 */
/* pagelife-args: --checks=-page-ref-leak
 * (this case is about page-unguarded-deref; its references are not the point) */
#include <linux/mm.h>
#include <linux/highmem.h>

int owned_pages(void)
{
	struct page *page = alloc_page(GFP_KERNEL);
	struct page *big;
	struct folio *folio;
	unsigned long addr;
	void *v;

	if (!page)
		return -ENOMEM;
	SetPageReserved(page);
	v = kmap_local_page(page);
	kunmap_local(v);
	page = pfn_to_page(page_to_pfn(page));
	ClearPageReserved(page);
	__free_page(page);

	big = alloc_pages(GFP_KERNEL | __GFP_COMP, 2);
	if (WARN_ON(!big))
		return -ENOMEM;
	get_page(big);
	put_page(big);
	__free_pages(big, 2);

	folio = folio_alloc(GFP_KERNEL, 0);
	if (unlikely(folio == NULL))
		return -ENOMEM;
	folio_set_dirty(folio);
	folio_put(folio);

	addr = __get_free_page(GFP_KERNEL);
	if (!addr)
		return -ENOMEM;
	page = virt_to_page((void *)addr);
	SetPageReserved(page);
	ClearPageReserved(page);
	free_page(addr);
	return 0;
}

int owned_chain(void)
{
	struct page *page = pfn_to_page(page_to_pfn(alloc_page(GFP_KERNEL)));

	if (!page)
		return -ENOMEM;
	return PageLRU(page);
}
