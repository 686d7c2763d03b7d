/*
 * page-unguarded-deref, negative and positive: the subpage of a mapped huge
 * entry. Under the page table lock a present PUD or PMD maps its whole
 * folio, so its pfn advanced by the page offset of an address inside the
 * entry -- pfn += (addr & ~PUD_MASK) >> PAGE_SHIFT, or pfn_pmd + the same
 * offset -- is a subpage of that mapped folio (6.12 follow_huge_pud(),
 * triage pattern P26). Any other arithmetic on the pfn (pfn + 1, an offset
 * not masked from an address) gives an arbitrary pfn, and without the lock
 * the entry's pfn is arbitrary to begin with.
 */
#include <linux/mm.h>

#define assert_spin_locked(l)	do { (void)(l); } while (0)
#define MY_PUD_SHIFT	30
#define MY_PUD_MASK	(~((1UL << MY_PUD_SHIFT) - 1))

typedef struct { int raw; } spinlock_t;

int huge_subpage(pte_t *ptep, unsigned long addr, spinlock_t *ptl)
{
	unsigned long pfn = pte_pfn(ptep_get(ptep));

	assert_spin_locked(ptl);
	pfn += (addr & ~MY_PUD_MASK) >> PAGE_SHIFT;
	return PageReserved(pfn_to_page(pfn));
}

int huge_subpage_expr(pte_t *ptep, unsigned long addr, spinlock_t *ptl)
{
	assert_spin_locked(ptl);
	return PageDirty(pfn_to_page(pte_pfn(ptep_get(ptep)) + ((addr & ~MY_PUD_MASK) >> PAGE_SHIFT)));
}

int next_pfn(pte_t *ptep, spinlock_t *ptl)
{
	unsigned long pfn = pte_pfn(ptep_get(ptep));
	struct page *page;

	assert_spin_locked(ptl);
	pfn += 1;
	page = pfn_to_page(pfn);	/* expect-note: {{page obtained here from pfn_to_page()}} */
	return PageDirty(page);		/* expect-warning: page-unguarded-deref {{arbitrary pfn}} */
}

int unlocked_subpage(pte_t *ptep, unsigned long addr)
{
	unsigned long pfn = pte_pfn(ptep_get(ptep));

	pfn += (addr & ~MY_PUD_MASK) >> PAGE_SHIFT;
	return PageDirty(pfn_to_page(pfn));		/* expect-warning: page-unguarded-deref {{arbitrary pfn}} */ /* expect-note: {{page obtained here from pfn_to_page()}} */
}
