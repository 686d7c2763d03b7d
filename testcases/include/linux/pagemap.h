/* SPDX-License-Identifier: GPL-2.0 */
/* pagelife test headers: page cache lookups that return a referenced page. */
#ifndef _LINUX_PAGEMAP_H
#define _LINUX_PAGEMAP_H

#include <linux/mm.h>

struct address_space {
	void *host;
	unsigned long nrpages;
};

extern struct page *find_get_page(struct address_space *mapping, pgoff_t index);
extern struct page *find_lock_page(struct address_space *mapping, pgoff_t index);
extern struct folio *filemap_get_folio(struct address_space *mapping, pgoff_t index);

/* Read the page in if needed; the page or an ERR_PTR(), never NULL (6.1). */
extern struct folio *read_mapping_folio(struct address_space *mapping,
					pgoff_t index, struct file *file);
extern struct page *read_mapping_page(struct address_space *mapping,
				      pgoff_t index, struct file *file);

#endif /* _LINUX_PAGEMAP_H */
