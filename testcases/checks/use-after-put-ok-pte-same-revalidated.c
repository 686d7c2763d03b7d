/*
 * page-use-after-put, negative (kernel: mm/hugetlb.c hugetlb_wp()).
 * The page was read from a page table entry under its lock; this code
 * takes a reference, drops the lock, and on one failure path drops the
 * reference again, re-takes the lock and checks with pte_same() that the
 * entry still maps the same page before going back to `retry`: the mapping
 * holds the page again, so the use after `retry:` is not after a put.
 */
#include <linux/mm.h>
#include <linux/spinlock.h>
#include <linux/pgtable.h>
extern pte_t huge_ptep_get(pte_t *ptep);
extern struct page *alloc_new(int outside);
extern int shared(void);
int hw(spinlock_t *ptl, pte_t *ptep, pte_t pte)
{
	struct page *old_page, *new_page;
	int outside_reserve = 0;

	spin_lock(ptl);
	old_page = pte_page(pte);
retry:
	if (page_mapcount(old_page) == 1)
		goto out;
	if (shared())
		outside_reserve = 1;
	get_page(old_page);
	spin_unlock(ptl);
	new_page = alloc_new(outside_reserve);
	if (!new_page) {
		if (outside_reserve) {
			put_page(old_page);
			spin_lock(ptl);
			if (pte_same(huge_ptep_get(ptep), pte))
				goto retry;
			goto out;
		}
		spin_lock(ptl);
		put_page(old_page);
		goto out;
	}
	spin_lock(ptl);
	put_page(old_page);
out:
	spin_unlock(ptl);
	return 0;
}
