// SPDX-License-Identifier: GPL-2.0
/*
 * migrate.c - move a page that only mappings hold to another page, as
 * migrate_pages() does for offline, CMA and FOLL_LONGTERM.
 *
 * A page is migratable when every holder is a mapping (a user PTE or a
 * page-cache slot) that can be pointed at the copy.  Any other reference or
 * pin makes the kernel's migration fail (the expected refcount does not
 * match); the model reports that holder as the blocker.  Only order-0 pages
 * migrate, which covers user and page-cache pages in the model.
 */
#include <string.h>
#include "rt_internal.h"

int rt_migrate_page(struct rt_machine *m, unsigned long pfn, unsigned int zone_mask,
		    int exclude_section, int32_t *blocker)
{
	if (!rt_only_migratable(m, pfn, blocker))
		return -EBUSY;
	if (rt_alloc_should_fail(m))
		return -ENOMEM;
	long np = rt_buddy_alloc(m, 0, zone_mask, exclude_section);
	if (np == RT_NONE)
		return -ENOMEM;
	unsigned long to = (unsigned long)np;
	struct page *old = &m->vmemmap[pfn], *new = &m->vmemmap[to];
	const unsigned long keep = (RT_ZONES_MASK << RT_ZONES_SHIFT) | (RT_NODES_MASK << RT_NODES_SHIFT);

	memcpy(rt_pfn_data(m, to), rt_pfn_data(m, pfn), PAGE_SIZE);
	new->flags = (new->flags & keep) | (old->flags & ~keep & ~(1UL << PG_buddy));
	new->mapping = old->mapping;
	new->index = old->index;
	new->private = old->private;

	/* Move every mapping (holder and count) to the copy. */
	int32_t h;
	while ((h = m->meta[pfn].holders) != RT_NONE) {
		struct rt_holder *H = &m->holders[h];
		struct rt_mapper *mp = H->obj;
		rt_holder_unlink(m, &m->meta[pfn].holders, h);
		H->next = m->meta[to].holders;
		m->meta[to].holders = h;
		old->_refcount.counter--;
		rt_counts_add(m, to, RT_H_MAP);
		if (mp)
			mp->remap(mp, H->idx, to);
	}
	rt_buddy_free(m, pfn, 0);
	return 0;
}
