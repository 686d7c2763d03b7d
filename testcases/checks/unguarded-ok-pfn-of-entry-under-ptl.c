/*
 * page-unguarded-deref, negative and positive (triage 6.12 P26). The pfn
 * of a present entry read under its page table lock names the same page as
 * pte_page() of that entry: 6.12 queue_folios_hugetlb() does
 * `folio = pfn_folio(pte_pfn(entry))` after huge_pte_lock(), where 6.1 used
 * pte_page(). pte_pfn()/pmd_pfn()/pud_pfn() are sources like pte_page():
 * mapped while the lock is held, arbitrary after the unlock.
 */
#include <linux/pgtable.h>

int entry_is_anon(pte_t *ptep, spinlock_t *ptl)
{
	int anon = 0;
	pte_t entry;

	spin_lock(ptl);
	entry = ptep_get(ptep);
	if (pte_present(entry))
		anon = PageAnon(pfn_to_page(pte_pfn(entry)));
	spin_unlock(ptl);
	return anon;
}

int folio_of_entry_lru(pte_t *ptep, spinlock_t *ptl)
{
	struct folio *folio;
	int lru;

	spin_lock(ptl);
	folio = pfn_folio(pte_pfn(ptep_get(ptep)));	/* expect-note: {{obtained here from pte_pfn()}} */
	lru = folio_test_lru(folio);
	spin_unlock(ptl);				/* expect-note: {{the guarantee ended here with spin_unlock()}} */
	return lru + folio_test_lru(folio);		/* expect-warning: page-unguarded-deref {{used by folio_test_lru()}} */
}

/* without the lock the entry's pfn is an arbitrary pfn */
int entry_unlocked(pte_t *ptep)
{
	unsigned long pfn = pte_pfn(ptep_get(ptep));	/* expect-note: {{obtained here}} */

	return PageAnon(pfn_to_page(pfn));		/* expect-warning: page-unguarded-deref {{used by PageAnon()}} */
}
