/*
 * page-use-after-put, negative (second kernel triage, false positives P11
 * and P14).  A page from pfn_to_online_page() is still an online page after
 * the speculative reference taken on it is dropped: reading its flags is
 * what pfn walkers do (mm/memory-failure.c).  And typeof(*page) in an
 * iterator's cast is not evaluated, so it is not a use of the old page.
 */
#include <linux/mm.h>
#include <linux/list.h>
#include <linux/memory_hotplug.h>

int poisoned_after_put(unsigned long pfn)
{
	struct page *p = pfn_to_online_page(pfn);

	if (!p || !get_page_unless_zero(p))
		return 0;
	put_page(p);
	return PageHWPoison(p);
}

int count_after_put(struct page *page, struct list_head *head)
{
	int n = 0;

	put_page(page);
	/* container_of()'s offsetof(typeof(*page), lru) reads nothing either */
	n = __builtin_offsetof(typeof(*page), lru);
	for (page = (typeof(*page) *)head->next; &page->lru != head; page = (typeof(*page) *)page->lru.next)
		n++;
	return n;
}
