/*
 * page-use-after-put, negative: a static helper given the address of its
 * caller's allocation frees the tail pages one by one (6.1
 * make_alloc_exact() from alloc_pages_exact()). Each round frees another
 * page; the caller's reference is not this helper's to count, so the loop
 * is not a double put. (The pfn-argument caller contract does not pass
 * a reference the caller owns on to the helper.)
 */
#include <linux/mm.h>
#include <linux/gfp.h>

static void *make_exact(unsigned long addr, unsigned int order, unsigned long nr)
{
	if (addr) {
		struct page *page = virt_to_page((void *)addr);
		struct page *last = page + (1UL << order);

		for (page += nr; page < last; page++)
			__free_pages(page, 0);
	}
	return (void *)addr;
}

void *alloc_exact(unsigned long nr)
{
	unsigned long addr = __get_free_pages(GFP_KERNEL, 2);

	return make_exact(addr, 2, nr);
}
