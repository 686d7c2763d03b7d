/*
 * page-longterm-movable, negative. udmabuf after the fix (6.11,
 * udmabuf_pin_folios()), trimmed: memfd_pin_folios() pins the folios of the
 * memfd range straight into the long-lived ubuf->folios[]. It "simulates
 * FOLL_LONGTERM and makes sure to migrate pages out of ZONE_MOVABLE/
 * MIGRATE_CMA" (David Hildenbrand, seed rust-page-borrow-physaddr-crashdump;
 * the same fix he asks for in seed udmabuf-longterm-pins-movable-pages), so
 * keeping them is fine. The partial-failure path unpins what was pinned.
 */
#include <linux/mm.h>
#include <linux/fs.h>
#include <linux/memfd.h>

struct udmabuf {
	pgoff_t pagecount;
	struct folio **folios;
	pgoff_t *offsets;
};

long udmabuf_pin_folios(struct udmabuf *ubuf, struct file *memfd,
			loff_t start, loff_t size)
{
	pgoff_t pgcnt = size >> PAGE_SHIFT;
	pgoff_t pgoff;
	long nr_folios;
	loff_t end;

	end = start + (pgcnt << PAGE_SHIFT) - 1;
	nr_folios = memfd_pin_folios(memfd, start, end,
				     ubuf->folios + ubuf->pagecount,
				     pgcnt, &pgoff);
	if (nr_folios <= 0)
		return nr_folios ? nr_folios : -EINVAL;
	if (pgoff) {
		unpin_folios(ubuf->folios + ubuf->pagecount, nr_folios);
		return -EINVAL;
	}
	ubuf->pagecount += nr_folios;
	return 0;
}
