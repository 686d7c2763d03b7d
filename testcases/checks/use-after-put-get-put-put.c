/*
 * page-use-after-put, positive (double put on a caller's page). get_page()
 * on the caller's page takes a reference this function holds; the first
 * put_page() drops it, the second one drops a reference this code never
 * took -- the caller's -- and the caller's later put underflows the count.
 */
#include <linux/mm.h>

extern int submit_page_io(struct page *page);

int sync_page_io(struct page *page)
{
	int ret;

	get_page(page);
	ret = submit_page_io(page);
	put_page(page);		/* expect-note: {{reference dropped here}} */
	if (ret)
		put_page(page);	/* expect-warning: page-use-after-put {{'page' is released again by put_page() after put_page() already dropped this code's reference (double put)}} */
	return ret;
}
