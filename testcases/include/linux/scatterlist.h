/* SPDX-License-Identifier: GPL-2.0 */
/*
 * pagelife test headers: scatterlists. sg_set_page() stores the page in the
 * entry (page_link), so the table owns the reference from then on; the
 * table's owner releases it later (sg_free_table() does not).
 */
#ifndef _LINUX_SCATTERLIST_H
#define _LINUX_SCATTERLIST_H

#include <linux/types.h>
#include <linux/mm_types.h>
#include <linux/gfp.h>

struct scatterlist {
	unsigned long page_link;
	unsigned int offset;
	unsigned int length;
	dma_addr_t dma_address;
	unsigned int dma_length;
};

struct sg_table {
	struct scatterlist *sgl;
	unsigned int nents;
	unsigned int orig_nents;
};

#define SG_CHAIN	0x01UL
#define SG_END		0x02UL
#define SG_PAGE_LINK_MASK (SG_CHAIN | SG_END)

static inline void sg_assign_page(struct scatterlist *sg, struct page *page)
{
	unsigned long page_link = sg->page_link & SG_PAGE_LINK_MASK;

	sg->page_link = page_link | (unsigned long)page;
}

static inline void sg_set_page(struct scatterlist *sg, struct page *page,
			       unsigned int len, unsigned int offset)
{
	sg_assign_page(sg, page);
	sg->offset = offset;
	sg->length = len;
}

static inline struct page *sg_page(struct scatterlist *sg)
{
	return (struct page *)((sg)->page_link & ~SG_PAGE_LINK_MASK);
}

extern void sg_init_table(struct scatterlist *sgl, unsigned int nents);
extern int sg_alloc_table(struct sg_table *table, unsigned int nents, gfp_t gfp_mask);
extern void sg_free_table(struct sg_table *table);
extern int sg_alloc_table_from_pages(struct sg_table *sgt, struct page **pages,
				     unsigned int n_pages, unsigned int offset,
				     unsigned long size, gfp_t gfp_mask);

#endif /* _LINUX_SCATTERLIST_H */
