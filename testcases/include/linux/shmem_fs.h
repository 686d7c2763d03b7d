/* SPDX-License-Identifier: GPL-2.0 */
/*
 * pagelife test headers: shmem page cache lookups. Each returns the page or
 * folio with a reference held, or an ERR_PTR() (never NULL). The pages are
 * ordinary page cache pages: they may sit in ZONE_MOVABLE or a CMA
 * pageblock, so a reference kept "forever" blocks migration (seed
 * udmabuf-longterm-pins-movable-pages). Kernel forms: the non-_gfp variants
 * are static inlines around the _gfp ones.
 */
#ifndef _LINUX_SHMEM_FS_H
#define _LINUX_SHMEM_FS_H

#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/fs.h>
#include <linux/pagemap.h>

extern bool shmem_mapping(struct address_space *mapping);
extern struct file *shmem_file_setup(const char *name, loff_t size,
				     unsigned long flags);

extern struct page *shmem_read_mapping_page_gfp(struct address_space *mapping,
						pgoff_t index, gfp_t gfp);
extern struct folio *shmem_read_folio_gfp(struct address_space *mapping,
					  pgoff_t index, gfp_t gfp);

static inline struct page *shmem_read_mapping_page(struct address_space *mapping,
						   pgoff_t index)
{
	return shmem_read_mapping_page_gfp(mapping, index, GFP_HIGHUSER);
}

static inline struct folio *shmem_read_folio(struct address_space *mapping,
					     pgoff_t index)
{
	return shmem_read_folio_gfp(mapping, index, GFP_HIGHUSER);
}

#endif /* _LINUX_SHMEM_FS_H */
