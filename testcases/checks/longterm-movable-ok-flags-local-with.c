/*
 * page-longterm-movable, negative. FOLL_LONGTERM reaches the GUP call through
 * a variable: iommufd's pfn_reader_user_pin() shape (gup_flags starts as
 * FOLL_LONGTERM, FOLL_WRITE is added on one path: both paths keep
 * FOLL_LONGTERM), and vfio's vaddr_get_pfns() shape (flags | FOLL_LONGTERM
 * at the call, pinning through the mmap-locked pin_user_pages_remote()).
 * Seed udmabuf-longterm-pins-movable-pages: "It better should be
 * pin_user_pages(FOLL_LONGTERM)".
 */
#include <linux/mm.h>

#define IOMMU_WRITE	(1 << 1)

struct pin_map {
	unsigned long npages;
	struct page **pages;
};

int pin_map_fill_longterm(struct pin_map *map, unsigned long uptr,
			  unsigned long npages, bool writable)
{
	unsigned int gup_flags = FOLL_LONGTERM;
	int rc;

	if (writable)
		gup_flags |= FOLL_WRITE;
	rc = pin_user_pages_fast(uptr, npages, gup_flags, map->pages);
	if (rc <= 0)
		return rc ? rc : -EFAULT;
	map->npages = rc;
	return 0;
}

long dma_pin_vaddr(struct mm_struct *mm, struct pin_map *map,
		   unsigned long vaddr, long npages, int prot)
{
	unsigned int flags = 0;
	long ret;

	if (prot & IOMMU_WRITE)
		flags |= FOLL_WRITE;
	ret = pin_user_pages_remote(mm, vaddr, npages, flags | FOLL_LONGTERM,
				    map->pages, NULL, NULL);
	if (ret <= 0)
		return ret ? ret : -EFAULT;
	map->npages = ret;
	return 0;
}
