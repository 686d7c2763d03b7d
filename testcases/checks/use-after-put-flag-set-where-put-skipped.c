/*
 * page-use-after-put, negative (kernel: mm/hugetlb.c hugetlb_fault(),
 * need_wait_lock).  A local flag is set on the path that skips the put and
 * tested before the later use: the use happens only where the reference is
 * still held.  Integer variables assigned or tested against constants keep
 * such paths apart, so the put on the other path does not reach the use.
 * The twin below tests the flag the other way round and is reported.
 */
#include <linux/mm.h>
#include <linux/pagemap.h>

extern int busy(void);

int lookup_and_wait(struct address_space *mapping)
{
	struct page *page;
	int need_wait = 0;

	page = find_get_page(mapping, 0);
	if (!page)
		return 0;
	if (busy())
		need_wait = 1;
	else
		put_page(page);
	if (need_wait) {
		lock_page(page);
		unlock_page(page);
		put_page(page);
	}
	return 0;
}

int lookup_and_wait_inverted(struct address_space *mapping)
{
	struct page *page;
	int need_wait = 0;

	page = find_get_page(mapping, 0);	/* expect-note: {{page obtained here from find_get_page()}} */
	if (!page)
		return 0;
	if (busy())
		need_wait = 1;
	else
		put_page(page);		/* expect-note: {{reference dropped here}} */
	if (!need_wait)
		lock_page(page);	/* expect-warning: page-use-after-put {{'page' is used by lock_page() after put_page()}} */
	else
		put_page(page);
	return 0;
}
