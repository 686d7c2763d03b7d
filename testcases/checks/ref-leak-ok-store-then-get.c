/*
 * page-ref-leak, negative and positive (triage 6.12 P33). A page stored
 * somewhere (a pipe buffer, an skb frag) and *then* given a reference with
 * get_page()/folio_get() hands that reference to the stored copy, as the
 * other order (get, then store) always did: splice_folio_into_pipe() fills
 * `*buf = (struct pipe_buffer){ .page = page }` and then calls folio_get();
 * skb_zerocopy() calls __skb_fill_netmem_desc(to, 0, page_to_netmem(page))
 * and then get_page(page), with `page` loaded from the skb. A store on one
 * path only does not take the reference on the other, and neither does a
 * call without a rule (it only may keep the page).
 */
#include <linux/mm.h>

struct pipe_buffer { struct page *page; unsigned int len; };
struct sk_buff;
extern void __skb_fill_netmem_desc(struct sk_buff *skb, int i, unsigned long netmem, int off, int size);
extern void trace_page(unsigned long handle);
struct holder { struct page *head; };

static unsigned long page_to_handle(struct page *page)
{
	return (unsigned long)page;
}

void give_to_pipe(struct pipe_buffer *buf, struct page *page)
{
	buf->page = page;
	get_page(page);
}

static unsigned long into_pipe(struct pipe_buffer *buf, struct folio *folio)
{
	struct page *page = folio_page(folio, 0);

	*buf = (struct pipe_buffer){ .page = page, .len = 1 };
	folio_get(folio);
	return 1;
}

unsigned long splice_read(struct pipe_buffer *buf, struct page *p)
{
	struct folio *folio = page_folio(p);

	if (!folio_try_get(folio))
		return 0;
	into_pipe(buf, folio);
	folio_put(folio);
	return 1;
}

void fill_from(struct sk_buff *to, struct holder *h)
{
	struct page *page = virt_to_head_page(h->head);

	__skb_fill_netmem_desc(to, 0, page_to_handle(page), 0, 1);
	get_page(page);
}

/* a function without a rule only may keep the page: the reference is still ours */
void trace_then_get(struct holder *h)
{
	struct page *page = virt_to_head_page(h->head);

	trace_page(page_to_handle(page));
	get_page(page);		/* expect-note: {{reference taken here}} */
}				/* expect-warning: page-ref-leak {{not released on this path}} */

void store_on_one_path(struct pipe_buffer *buf, struct page *page, int keep)
{
	if (keep)
		buf->page = page;
	get_page(page);		/* expect-note: {{reference taken here}} */
}				/* expect-warning: page-ref-leak {{not released on this path}} */

/* into_pipe() takes a reference for the buffer: the caller's own is still owed */
unsigned long splice_read_leaky(struct pipe_buffer *buf, struct page *p)
{
	struct folio *folio = page_folio(p);

	if (!folio_try_get(folio))	/* expect-note: {{reference taken here}} */
		return 0;
	into_pipe(buf, folio);
	return 1;			/* expect-warning: page-ref-leak {{taken by folio_try_get() is not released}} */
}

/* the loop of splice_folio_into_pipe(): one buffer and one reference per page */
unsigned long into_pipe_loop(struct pipe_buffer *buf, struct folio *folio, unsigned long size)
{
	struct page *page = folio_page(folio, 0);
	unsigned long spliced = 0;

	while (spliced < size) {
		*buf = (struct pipe_buffer){ .page = page, .len = 1 };
		folio_get(folio);
		buf++;
		page++;
		spliced++;
	}
	return spliced;
}
