/*
 * page-unguarded-deref, negative. container_of() from a list node to the
 * driver structure that owns a page pointer, and a same-file static helper
 * that returns an owned page or ERR_PTR(): the loaded page is the owner's
 * responsibility and the helper's page is allocated, so after IS_ERR() it is
 * fine.
 */
#include <linux/mm.h>

struct my_buf {
	struct list_head node;
	struct page *page;
	unsigned int order;
};

int buf_dirty(struct list_head *node)
{
	struct my_buf *b = container_of(node, struct my_buf, node);

	return PageDirty(b->page);
}

static struct page *grab_buffer_page(gfp_t gfp)
{
	struct page *page = alloc_page(gfp);

	if (!page)
		return ERR_PTR(-ENOMEM);
	return page;
}

int use_helper(void)
{
	struct page *page = grab_buffer_page(GFP_KERNEL);

	if (IS_ERR(page))
		return PTR_ERR(page);
	SetPageReserved(page);
	ClearPageReserved(page);
	__free_page(page);
	return 0;
}
