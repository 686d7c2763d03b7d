/*
 * page-unguarded-deref, negative: a pfn read back from hibernation's memory
 * bitmaps. memory_bm_next_pfn() returns pfns of pages the snapshot code
 * allocated itself, or of saveable pages recorded with
 * pfn_to_online_page() while hibernation holds the device hotplug lock with
 * tasks frozen: the pfn carries the guarantee of whoever set the bit, like
 * the migrate_vma pfn arrays (migrate_pfn_to_page()). 6.1 group B5
 * (kernel/power/snapshot.c: swsusp_free(), copy_data_page(),
 * snapshot_read_next(), get_buffer(), ...). The rule wins over the
 * definition in the file. A pfn from another bitmap walker without such a
 * rule is still arbitrary.
 */
#include <linux/mm.h>

struct memory_bitmap { unsigned long *bits; unsigned long cur; };
#define BM_END_OF_MAP (~0UL)

static unsigned long memory_bm_next_pfn(struct memory_bitmap *bm)
{
	return bm->bits[bm->cur++];
}

static unsigned long next_set_bit_pfn(struct memory_bitmap *bm)
{
	return bm->bits[bm->cur++];
}

extern void copy_kernel_page(void *dst, void *src);

static void copy_data_page(unsigned long dst_pfn, unsigned long src_pfn)
{
	copy_kernel_page(page_address(pfn_to_page(dst_pfn)), page_address(pfn_to_page(src_pfn)));
}

void copy_data_pages(struct memory_bitmap *copy_bm, struct memory_bitmap *orig_bm)
{
	unsigned long pfn;

	for (;;) {
		pfn = memory_bm_next_pfn(orig_bm);
		if (pfn == BM_END_OF_MAP)
			break;
		copy_data_page(memory_bm_next_pfn(copy_bm), pfn);
	}
}

int first_is_highmem(struct memory_bitmap *bm)
{
	struct page *page = pfn_to_page(memory_bm_next_pfn(bm));

	return PageReserved(page);
}

int other_walker(struct memory_bitmap *bm)
{
	struct page *page = pfn_to_page(next_set_bit_pfn(bm));	/* expect-note: {{page obtained here from pfn_to_page()}} */

	return PageReserved(page);				/* expect-warning: page-unguarded-deref {{arbitrary pfn}} */
}
