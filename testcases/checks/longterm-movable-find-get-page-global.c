/*
 * page-longterm-movable, positive. A page cache page of a memfd, looked up
 * with find_get_page(), is cached in a global for later use. Page cache pages
 * are movable; holding a reference "possibly forever" makes them unmovable
 * and breaks memory hot-unplug and CMA (seed udmabuf-longterm-pins-movable-
 * pages: "maybe there are more such cases/drivers that actually require that
 * handling when simply taking pages out of the memfd, believing they can
 * hold on to them forever"). The target is rendered by its name.
 */
#include <linux/mm.h>
#include <linux/fs.h>
#include <linux/pagemap.h>

static struct page *cached_page;

int cache_memfd_head(struct file *memfd)
{
	struct page *page;

	page = find_get_page(memfd->f_mapping, 0);	/* expect-note: {{reference taken here by find_get_page() without FOLL_LONGTERM}} */
	if (!page)
		return -ENOENT;
	if (cached_page)
		put_page(cached_page);
	cached_page = page;	/* expect-warning: page-longterm-movable {{a reference to a possibly movable page from find_get_page() is kept in 'cached_page', which outlives this function}} */
	return 0;
}
