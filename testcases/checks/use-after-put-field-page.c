/*
 * page-use-after-put, positive: a page that lives in a structure field.
 * put_page(buf->page) drops the reference the structure held (a pipe
 * buffer's, an rx descriptor's); reading buf->page afterwards -- its flags,
 * a second put -- reads a page that may already be freed, unless the field
 * was refilled in between (use-after-put-ok-field-page.c). The historic
 * "put the frag page, then look at it" bugs of drivers and pipe code.
 */
#include <linux/mm.h>

struct rx_buf {
	struct page *page;
	unsigned int offset;
};

extern void trace_rx(unsigned long flags);

void rx_drop(struct rx_buf *buf)
{
	put_page(buf->page);			/* expect-note: {{reference dropped here}} */
	trace_rx(buf->page->flags);		/* expect-warning: page-use-after-put {{'buf->page' is used by '->flags' after put_page() dropped}} */
}

int rx_recycle(struct rx_buf *buf, int reuse)
{
	if (!reuse)
		put_page(buf->page);		/* expect-note: {{reference dropped here}} */
	return PageDirty(buf->page);		/* expect-warning: page-use-after-put {{'buf->page' is used by PageDirty()}} */
}

void rx_free_twice(struct rx_buf *buf)
{
	put_page(buf->page);			/* expect-note: {{reference dropped here}} */
	buf->offset = 0;
	put_page(buf->page);			/* expect-warning: page-use-after-put {{double put}} */
}
