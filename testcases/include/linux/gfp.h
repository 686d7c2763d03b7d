/* SPDX-License-Identifier: GPL-2.0 */
/*
 * pagelife test headers: the page allocator. Kernel forms: alloc_page(),
 * __get_free_page(), __free_page() and free_page() are macros around
 * alloc_pages(), __get_free_pages(), __free_pages() and free_pages().
 */
#ifndef _LINUX_GFP_H
#define _LINUX_GFP_H

#include <linux/types.h>
#include <linux/mm_types.h>

#define __GFP_HIGHMEM	((gfp_t)0x02u)
#define __GFP_ZERO	((gfp_t)0x100u)
#define __GFP_NOWARN	((gfp_t)0x2000u)
#define __GFP_COMP	((gfp_t)0x40000u)
#define GFP_ATOMIC	((gfp_t)0x820u)
#define GFP_KERNEL	((gfp_t)0xcc0u)
#define GFP_NOWAIT	((gfp_t)0x800u)
#define GFP_HIGHUSER	((gfp_t)0x100cc2u)

extern struct page *alloc_pages(gfp_t gfp, unsigned int order);
extern struct folio *folio_alloc(gfp_t gfp, unsigned int order);
extern unsigned long __get_free_pages(gfp_t gfp_mask, unsigned int order);
extern unsigned long get_zeroed_page(gfp_t gfp_mask);
extern void __free_pages(struct page *page, unsigned int order);
extern void free_pages(unsigned long addr, unsigned int order);

#define alloc_page(gfp_mask)		alloc_pages(gfp_mask, 0)
#define __get_free_page(gfp_mask)	__get_free_pages((gfp_mask), 0)
#define __free_page(page)		__free_pages((page), 0)
#define free_page(addr)			free_pages((addr), 0)

#endif /* _LINUX_GFP_H */
