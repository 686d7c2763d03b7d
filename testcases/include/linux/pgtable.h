/* Page table entries and their locks (a small subset). */
#ifndef _LINUX_PGTABLE_H
#define _LINUX_PGTABLE_H

#include <linux/mm.h>
#include <linux/spinlock.h>

struct mm_struct;
extern spinlock_t *huge_pte_lockptr(struct mm_struct *mm, pte_t *pte);
extern int pte_present(pte_t pte);
extern struct folio *try_grab_folio(struct page *page, int refs, unsigned int flags);

#endif
