/*
 * page-use-after-put, negative and positive: an extra reference on a page
 * something else keeps. vm_normal_page() under the page table lock returns
 * a page the mapping holds (a `hold: none` source). Taking a reference on
 * it and putting that reference again leaves the mapped page, still held
 * by its mapping, so reading it after the put is fine: 6.1
 * copy_present_pte() puts its extra reference when the anon rmap cannot be
 * duplicated and then copies the page (group B1). A page this code got its
 * only reference on (a lookup that returns it referenced), or a caller's
 * page it took and put a reference on, is released by the put as before.
 */
#include <linux/mm.h>
#include <linux/pagemap.h>

struct vm_area_struct;
extern struct page *vm_normal_page(struct vm_area_struct *vma, unsigned long addr, pte_t pte);
extern int try_dup_rmap(struct page *page);

int copy_one(struct vm_area_struct *vma, unsigned long addr, pte_t pte)
{
	struct page *page = vm_normal_page(vma, addr, pte);

	if (!page)
		return 0;
	get_page(page);
	if (try_dup_rmap(page)) {
		put_page(page);		/* our extra reference; the mapping keeps the page */
		return PageDirty(page);
	}
	return 0;
}

int looked_up(struct address_space *mapping, pgoff_t index)
{
	struct page *page = find_get_page(mapping, index);	/* expect-note: {{page obtained here from find_get_page()}} */

	if (!page)
		return 0;
	get_page(page);
	put_page(page);
	put_page(page);			/* expect-note: {{reference dropped here}} */
	return PageDirty(page);		/* expect-warning: page-use-after-put {{after put_page() dropped}} */
}

int callers(struct page *page)
{
	get_page(page);
	put_page(page);			/* expect-note: {{reference dropped here}} */
	put_page(page);			/* expect-warning: page-use-after-put {{double put}} */
	return 0;
}
