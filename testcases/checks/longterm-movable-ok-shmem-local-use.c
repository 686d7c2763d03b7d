/*
 * page-longterm-movable, negative. The ordinary short-term use of a shmem
 * page: read it in, copy out of it, drop the reference before returning
 * (a pread-style helper). Nothing keeps the reference, so migration is only
 * delayed for the copy, not blocked (seed udmabuf-longterm-pins-movable-
 * pages is about references held "possibly forever").
 */
#include <linux/mm.h>
#include <linux/shmem_fs.h>
#include <linux/highmem.h>

extern void memcpy_to_buf(void *dst, const void *src, size_t n);

int shmem_copy_page(struct file *filp, pgoff_t index, void *dst)
{
	struct page *page;
	void *vaddr;

	page = shmem_read_mapping_page(filp->f_mapping, index);
	if (IS_ERR(page))
		return PTR_ERR(page);
	vaddr = kmap_local_page(page);
	memcpy_to_buf(dst, vaddr, PAGE_SIZE);
	kunmap_local(vaddr);
	put_page(page);
	return 0;
}
