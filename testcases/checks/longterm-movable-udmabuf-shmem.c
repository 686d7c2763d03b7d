/*
 * page-longterm-movable, positive. udmabuf_create() as in 6.1
 * (drivers/dma-buf/udmabuf.c), trimmed: every page of the memfd range is
 * looked up with shmem_read_mapping_page() and the reference is kept in
 * ubuf->pages[] for the life of the dma-buf. Seed udmabuf-longterm-pins-
 * movable-pages, David Hildenbrand: "Udma effectively pins pages longterm
 * ("possibly forever") simply by grabbing a reference on them. These pages
 * might easily reside in ZONE_MOVABLE or in MIGRATE_CMA pageblocks. So what
 * udmabuf does is break memory hotunplug and CMA". Reported at the store,
 * with a note at the lookup. The error path's put_page() loop over the
 * stored pages is fine.
 */
#include <linux/mm.h>
#include <linux/fs.h>
#include <linux/memfd.h>
#include <linux/shmem_fs.h>
#include <linux/slab.h>

#ifndef EBADFD
#define EBADFD		77
#endif

struct udmabuf {
	pgoff_t pagecount;
	struct page **pages;
};

struct udmabuf_create_item {
	u32 memfd;
	u32 __pad;
	u64 offset;
	u64 size;
};

long udmabuf_fill(struct udmabuf *ubuf, struct udmabuf_create_item *list,
		  u32 count)
{
	struct address_space *mapping;
	struct file *memfd = NULL;
	pgoff_t pgoff, pgcnt, pgidx, pgbuf = 0;
	struct page *page;
	long ret = -EINVAL;
	u32 i;

	for (i = 0; i < count; i++) {
		ret = -EBADFD;
		memfd = fget(list[i].memfd);
		if (!memfd)
			goto err;
		mapping = memfd->f_mapping;
		if (!shmem_mapping(mapping))
			goto err;
		pgoff = list[i].offset >> PAGE_SHIFT;
		pgcnt = list[i].size >> PAGE_SHIFT;
		for (pgidx = 0; pgidx < pgcnt; pgidx++) {
			page = shmem_read_mapping_page(mapping, pgoff + pgidx);	/* expect-note: {{reference taken here by shmem_read_mapping_page() without FOLL_LONGTERM}} */
			if (IS_ERR(page)) {
				ret = PTR_ERR(page);
				goto err;
			}
			ubuf->pages[pgbuf++] = page;	/* expect-warning: page-longterm-movable {{a reference to a possibly movable page from shmem_read_mapping_page() is kept in '->pages[]', which outlives this function; it blocks memory hot-unplug and CMA: pin with FOLL_LONGTERM (pin_user_pages(..., FOLL_LONGTERM, ...)) or use memfd_pin_folios()}} */
		}
		fput(memfd);
		memfd = NULL;
	}
	ubuf->pagecount = pgbuf;
	return 0;

err:
	while (pgbuf > 0)
		put_page(ubuf->pages[--pgbuf]);
	if (memfd)
		fput(memfd);
	return ret;
}
