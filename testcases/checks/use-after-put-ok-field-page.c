/*
 * page-use-after-put, negative: a structure field read again after a put,
 * when it no longer names the page that was put. The field was stored
 * again (buf->page = new), the pointer to the structure changed (buf =
 * buf->next, buf++), or a call was given the structure and may have
 * refilled it (refill(buf), spin_lock(&buf->lock) counts too). A local
 * copy of the field is a page of its own, as before fields were tracked:
 * another local's put does not end it. And a reference taken on the field
 * goes with the structure, not a leak.
 */
#include <linux/mm.h>
#include <linux/gfp.h>

struct rx_buf {
	struct page *page;
	struct rx_buf *next;
	unsigned int offset;
};

extern void refill(struct rx_buf *buf);

int put_then_store(struct rx_buf *buf)
{
	put_page(buf->page);
	buf->page = alloc_page(GFP_ATOMIC);
	if (!buf->page)
		return -ENOMEM;
	return PageDirty(buf->page);
}

int put_then_refill(struct rx_buf *buf)
{
	put_page(buf->page);
	refill(buf);
	return PageDirty(buf->page);
}

void put_all(struct rx_buf *buf)
{
	while (buf) {
		put_page(buf->page);
		buf = buf->next;
	}
}

void put_array(struct rx_buf *buf, int n)
{
	for (int i = 0; i < n; i++, buf++)
		put_page(buf->page);
}

int two_locals(struct rx_buf *buf)
{
	struct page *old = buf->page;
	struct page *cur = buf->page;

	put_page(cur);
	return PageDirty(old);
}

int take_for_the_buffer(struct rx_buf *buf)
{
	get_page(buf->page);
	return 0;
}
