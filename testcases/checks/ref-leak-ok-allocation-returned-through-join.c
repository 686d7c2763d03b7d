/*
 * page-ref-leak, negative (kernel: mm/mempolicy.c vma_alloc_folio()).
 * Each branch allocates into its own block-scoped `page`, casts it to the
 * folio and jumps to a shared `return folio;`.  After the join `folio`
 * holds whichever reference its path took: the references held in the
 * same variable on both sides of a join become one object, so returning
 * the variable hands over every branch's allocation.
 */
#include <linux/mm.h>
struct folio *alloc_folio_x(gfp_t gfp, int order, int mode)
{
	struct folio *folio;

	if (gfp & 1) {
		struct page *page;

		page = alloc_pages(gfp, order);
		folio = (struct folio *)page;
		goto out;
	}
	if (gfp & 2) {
		struct page *page;

		page = alloc_pages(gfp, order + 1);
		folio = (struct folio *)page;
		goto out;
	}
	folio = folio_alloc(gfp, order);
out:
	return folio;
}
