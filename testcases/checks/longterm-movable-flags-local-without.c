/*
 * page-longterm-movable, positive. The GUP flags are built in a local
 * variable, as iommufd and vfio do, but FOLL_LONGTERM was forgotten: on
 * neither path of the `if` does gup_flags contain it, so the pins kept in
 * map->pages[] are ordinary short-term pins of possibly movable pages (seed
 * udmabuf-longterm-pins-movable-pages: such pins "break memory hotunplug and
 * CMA"). The flags are evaluated from the variable, not just the call.
 */
#include <linux/mm.h>

struct pin_map {
	unsigned long npages;
	struct page **pages;
};

int pin_map_fill(struct pin_map *map, unsigned long uptr, unsigned long npages,
		 bool writable)
{
	unsigned int gup_flags = 0;
	int rc;

	if (writable)
		gup_flags |= FOLL_WRITE;
	rc = pin_user_pages_fast(uptr, npages, gup_flags, map->pages);	/* expect-warning: page-longterm-movable {{a reference to a possibly movable page from pin_user_pages_fast() is kept in '->pages}} */
	if (rc <= 0)
		return rc ? rc : -EFAULT;
	map->npages = rc;
	return 0;
}
