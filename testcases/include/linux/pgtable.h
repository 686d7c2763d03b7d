/* Page table entries and their locks (a small subset). */
#ifndef _LINUX_PGTABLE_H
#define _LINUX_PGTABLE_H

#include <linux/mm.h>
#include <linux/spinlock.h>

struct mm_struct;
extern spinlock_t *huge_pte_lockptr(struct mm_struct *mm, pte_t *pte);
extern int pte_present(pte_t pte);
struct vm_area_struct;
extern struct page *pmd_page(pmd_t pmd);
extern int pmd_present(pmd_t pmd);
extern pte_t mk_pte(struct page *page, pgprot_t prot);
extern int pte_same(pte_t a, pte_t b);
extern pte_t pte_mkwrite(pte_t pte);
extern void set_pte_at(struct mm_struct *mm, unsigned long addr, pte_t *ptep, pte_t pte);
/* the lock of a huge PMD, or NULL (and no lock) when the entry is not huge */
extern spinlock_t *pmd_trans_huge_lock(pmd_t *pmd, struct vm_area_struct *vma);
extern struct folio *try_grab_folio(struct page *page, int refs, unsigned int flags);

#endif
