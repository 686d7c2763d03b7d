/* SPDX-License-Identifier: GPL-2.0 */
/*
 * pagelife test headers: temporary kernel mappings. kmap(), kmap_local_page()
 * and kmap_atomic() take the page; kunmap_local() and kunmap_atomic() are
 * macros that take the mapped address, as in the kernel.
 */
#ifndef _LINUX_HIGHMEM_H
#define _LINUX_HIGHMEM_H

#include <linux/mm.h>

static inline void *kmap(struct page *page)
{
	return page_address(page);
}

static inline void kunmap(struct page *page)
{
	(void)page;
}

static inline void *kmap_local_page(struct page *page)
{
	return page_address(page);
}

static inline void *kmap_local_folio(struct folio *folio, size_t offset)
{
	return page_address(&folio->page) + offset;
}

static inline void *kmap_atomic(struct page *page)
{
	return page_address(page);
}

extern void __kunmap_local(const void *vaddr);
extern void __kunmap_atomic(const void *vaddr);

#define kunmap_local(__addr)						\
do {									\
	BUILD_BUG_ON(__same_type((__addr), struct page *));		\
	__kunmap_local(__addr);						\
} while (0)

#define kunmap_atomic(__addr)						\
do {									\
	BUILD_BUG_ON(__same_type((__addr), struct page *));		\
	__kunmap_atomic(__addr);					\
} while (0)

extern void flush_dcache_page(struct page *page);

#endif /* _LINUX_HIGHMEM_H */
