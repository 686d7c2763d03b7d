/*
 * page-ref-leak, negative.  The struct page itself handed to a function
 * pagelife has no rule or summary for may be kept there: mm core wires
 * references into page tables (set_pte_at(mk_pte(page))) and LRU batches
 * this way.  Treating those as leaks made most mm/ findings false (first
 * triage of the new checks); only calls that merely read the page (the
 * rules' consumers) leave the reference with this function.
 */
#include <linux/mm.h>

extern void install_page_in_table(void *table, unsigned long addr, struct page *page);

int map_one(void *table, unsigned long addr)
{
	struct page *page = alloc_page(GFP_KERNEL);

	if (!page)
		return -ENOMEM;
	get_page(page);
	install_page_in_table(table, addr, page);
	return 0;
}

int map_after_check(void *table, unsigned long addr)
{
	struct page *page = alloc_page(GFP_KERNEL);	/* expect-note: {{allocated here}} */

	if (!page)
		return -ENOMEM;
	if (PageReserved(page))
		return -EINVAL;		/* expect-warning: page-ref-leak {{page 'page' allocated by alloc_page() is not freed on this path}} */
	install_page_in_table(table, addr, page);
	return 0;
}

/* The reference travels as a pfn into a new page table entry
 * (set_pte_at(pfn_pte(page_to_pfn(page), prot)): mm/memory.c
 * copy_present_pte(), third kernel triage P12). */
extern pte_t make_pte(unsigned long pfn, unsigned long prot);
extern void store_pte(pte_t *ptep, pte_t pte);

void dup_mapping(pte_t *dst, struct page *page)
{
	get_page(page);
	store_pte(dst, make_pte(page_to_pfn(page), 0));
}
