/*
 * page-longterm-movable, positive. A driver keeps one user page (a status
 * page the device writes to) for the life of its context: one page
 * get_user_pages_fast()'d into a local with `&page`, then stored in
 * ctx->status_page. A FOLL_GET reference without FOLL_LONGTERM on an
 * anonymous user page that may sit in ZONE_MOVABLE or CMA: seed
 * udmabuf-longterm-pins-movable-pages ("These pages might easily reside in
 * ZONE_MOVABLE or in MIGRATE_CMA pageblocks"). Reported at the store.
 */
#include <linux/mm.h>

struct dev_ctx {
	struct page *status_page;
	unsigned long status_uaddr;
};

int ctx_map_status(struct dev_ctx *ctx, unsigned long uaddr)
{
	struct page *page;
	int ret;

	ret = get_user_pages_fast(uaddr, 1, FOLL_WRITE, &page);	/* expect-note: {{reference taken here by get_user_pages_fast() without FOLL_LONGTERM}} */
	if (ret <= 0)
		return ret ? ret : -EFAULT;
	ctx->status_page = page;	/* expect-warning: page-longterm-movable {{a reference to a possibly movable page from get_user_pages_fast() is kept in '->status_page', which outlives this function}} */
	ctx->status_uaddr = uaddr;
	return 0;
}
