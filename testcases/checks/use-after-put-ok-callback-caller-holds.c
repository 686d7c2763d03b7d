/*
 * page-use-after-put, negative and positive: callbacks whose caller holds
 * the page. A function stored into a callback slot that rules/callbacks.yaml
 * lists (rmap_walk_control.rmap_one, address_space_operations.writepage,
 * ...) is called with its folio locked and referenced by the caller for the
 * whole call, so a put in it drops another reference -- the PTE's in
 * try_to_unmap_one(), the page cache's in shmem_writepage() (6.1 group B1)
 * -- and later reads are fine, also after a reference handed to it
 * (hugetlb_remove_rmap()) was put. The slot is found from a designated
 * initializer or a field assignment. The same body stored into a slot
 * without such a rule, or not stored at all, still reports the read after
 * the put of its caller's folio.
 */
#include <linux/mm.h>

struct vm_area_struct;
struct writeback_control;

struct rmap_walk_control {
	void *arg;
	bool (*rmap_one)(struct folio *folio, struct vm_area_struct *vma, unsigned long addr, void *arg);
};

struct address_space_operations {
	int (*writepage)(struct page *page, struct writeback_control *wbc);
};

struct my_ops {
	int (*poke)(struct folio *folio);
};

extern void rmap_walk(struct folio *folio, struct rmap_walk_control *rwc);
extern void delete_from_cache(struct folio *folio);
extern void swap_out(struct folio *folio);
extern void hugetlb_remove_rmap(struct folio *folio);
extern bool next_mapping(unsigned long *addr);

static bool unmap_one(struct folio *folio, struct vm_area_struct *vma, unsigned long addr, void *arg)
{
	folio_put(folio);	/* the reference of the PTE just cleared */
	return !folio_test_dirty(folio);
}

/* 6.12 try_to_unmap_one(): the hugetlb mapping's reference is handed to
 * this code by hugetlb_remove_rmap() and put; the caller's stays */
static bool unmap_one_huge(struct folio *folio, struct vm_area_struct *vma, unsigned long addr, void *arg)
{
	while (next_mapping(&addr)) {
		if (folio_test_dirty(folio))
			return false;
		hugetlb_remove_rmap(folio);
		folio_put(folio);
	}
	return true;
}

void unmap_all(struct folio *folio)
{
	struct rmap_walk_control rwc = {
		.rmap_one = unmap_one,
	};
	struct rmap_walk_control rwc_huge = {
		.rmap_one = unmap_one_huge,
	};

	rmap_walk(folio, &rwc);
	rmap_walk(folio, &rwc_huge);
}

static bool unmap_one_assigned(struct folio *folio, struct vm_area_struct *vma, unsigned long addr, void *arg)
{
	folio_put(folio);
	return folio_test_dirty(folio);
}

void unmap_all_assigned(struct folio *folio)
{
	struct rmap_walk_control rwc;

	rwc.rmap_one = unmap_one_assigned;
	rmap_walk(folio, &rwc);
}

static int my_writepage(struct page *page, struct writeback_control *wbc)
{
	struct folio *folio = page_folio(page);

	delete_from_cache(folio);
	folio_put(folio);	/* the page cache's reference */
	swap_out(folio);
	return folio_test_dirty(folio);
}

static const struct address_space_operations my_aops = {
	.writepage = my_writepage,
};

const struct address_space_operations *get_aops(void)
{
	return &my_aops;
}

static int my_poke(struct folio *folio)
{
	folio_put(folio);		/* expect-note: {{reference dropped here}} */
	return folio_test_dirty(folio);	/* expect-warning: page-use-after-put {{after folio_put() dropped}} */
}

const struct my_ops poke_ops = { .poke = my_poke };

int direct(struct folio *folio)
{
	folio_put(folio);		/* expect-note: {{reference dropped here}} */
	return folio_test_dirty(folio);	/* expect-warning: page-use-after-put {{after folio_put() dropped}} */
}
