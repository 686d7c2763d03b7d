/*
 * A crash-dump style walk of a device page table: every PTE holds a
 * physical address, and the page behind it is an arbitrary page.  The GPU
 * driver in the seed thread only ever maps pages it has pinned, but nothing
 * in the code says so: pagelife asks for the guarantee to be visible.
 */
#include <linux/mm.h>

struct dump_state {
	unsigned long reserved, normal;
};

void dump_one_pte(struct dump_state *ds, pte_t *ptep)
{
	pte_t pte = ptep_get(ptep);
	struct page *page = pte_page(pte);

	if (PageReserved(page))
		ds->reserved++;
	else
		ds->normal++;
}
