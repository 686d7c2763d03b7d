/*
 * page-use-after-put, negative. A two-page goto ladder (the shape of
 * page-copy and migration helpers): the labels release in reverse order of
 * acquisition, every use is on the success path before the first label,
 * and no path releases a page twice.
 */
#include <linux/mm.h>
#include <linux/highmem.h>
#include <linux/pagemap.h>

int copy_cached_page(struct address_space *mapping, pgoff_t from, pgoff_t to)
{
	struct page *src, *dst;
	void *s, *d;
	int ret;

	src = read_mapping_page(mapping, from, NULL);
	if (IS_ERR(src))
		return PTR_ERR(src);
	dst = find_lock_page(mapping, to);
	if (!dst) {
		ret = -ENOENT;
		goto out_src;
	}
	if (PageWriteback(dst)) {
		ret = -EBUSY;
		goto out_dst;
	}
	s = kmap_local_page(src);
	d = kmap_local_page(dst);
	__builtin_memcpy(d, s, PAGE_SIZE);
	kunmap_local(d);
	kunmap_local(s);
	set_page_dirty(dst);
	ret = 0;
out_dst:
	unlock_page(dst);
	put_page(dst);
out_src:
	put_page(src);
	return ret;
}
