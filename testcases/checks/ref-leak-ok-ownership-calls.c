/*
 * page-ref-leak, negative. Calls that take ownership of the reference:
 * sg_set_page() (the scatterlist entry now carries the page; ib_umem and
 * the dma-buf exporters release it when the table is torn down),
 * __bio_add_page() (the bio's completion releases it), and
 * list_add()/list_add_tail() of &page->lru onto a caller's list (the
 * pool/free-list idiom).
 */
#include <linux/mm.h>
#include <linux/list.h>
#include <linux/scatterlist.h>
#include <linux/bio.h>

int sg_pin_one(struct scatterlist *sg, unsigned long uaddr, unsigned int len)
{
	struct page *page;
	int ret;

	ret = pin_user_pages_fast(uaddr, 1, FOLL_WRITE | FOLL_LONGTERM, &page);
	if (ret <= 0)
		return ret ? ret : -EFAULT;
	sg_set_page(sg, page, len, uaddr & ~PAGE_MASK);
	return 0;
}

int bio_add_zero_page(struct bio *bio)
{
	struct page *page = alloc_page(GFP_KERNEL | __GFP_ZERO);

	if (!page)
		return -ENOMEM;
	__bio_add_page(bio, page, PAGE_SIZE, 0);
	return 0;
}

int pool_refill(struct list_head *pool, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		struct page *page = alloc_page(GFP_KERNEL);

		if (!page)
			return -ENOMEM;
		if (i & 1)
			list_add_tail(&page->lru, pool);
		else
			list_add(&page->lru, pool);
	}
	return 0;
}
