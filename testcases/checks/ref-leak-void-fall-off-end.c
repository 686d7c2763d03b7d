/*
 * page-ref-leak, positive. A void function takes an extra reference on the
 * caller's page and hands it to a request on one branch (stored into the
 * request: ownership transfer, no leak there), but on the other branch it
 * falls off the end without put_page(). A function that falls off its end is
 * reported at its closing brace.
 */
#include <linux/mm.h>

struct page_req {
	struct page *page;
	unsigned int len;
};

void queue_page(struct page_req *req, struct page *page, unsigned int len)
{
	get_page(page);		/* expect-note: {{reference taken here}} */
	if (len) {
		req->page = page;
		req->len = len;
		return;
	}
	ClearPageReferenced(page);
}	/* expect-warning: page-ref-leak {{reference to 'page' taken by get_page() is not released on this path}} */
