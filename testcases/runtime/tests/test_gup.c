// SPDX-License-Identifier: GPL-2.0
/* get_user_pages / pin_user_pages, FOLL_LONGTERM, shmem and memfd */
#include "rt_test.h"

#define UADDR 0x10000000UL
static struct mm_struct *MM;

static int gup_setup(void **state)
{
	if (rt_setup(state))
		return -1;
	MM = rt_mm_create(M, UADDR, 64);
	if (!MM || rt_mm_populate(MM, UADDR, 8, RT_ZONE_MOVABLE, true) ||
	    rt_mm_populate(MM, UADDR + 8 * PAGE_SIZE, 4, RT_ZONE_CMA, true) ||
	    rt_mm_populate(MM, UADDR + 12 * PAGE_SIZE, 4, RT_ZONE_NORMAL, false))
		return -1;
	rt_set_current_mm(M, MM);
	return 0;
}

static int gup_teardown(void **state)
{
	rt_mm_destroy(MM);
	assert_int_equal(rt_nr_used_pages(M), 0);
	return rt_teardown(state);
}

#define G(fn) cmocka_unit_test_setup_teardown(fn, gup_setup, gup_teardown)

static enum rt_zone zone_at(unsigned long addr)
{
	return rt_section_zone(M, (unsigned int)(rt_mm_pfn(MM, addr) / 256));
}

static void test_mm_model(void **state)
{
	(void)state;
	assert_null(rt_mm_create(M, UADDR + 1, 4));
	assert_null(rt_mm_create(M, UADDR, 0));
	assert_int_equal(zone_at(UADDR), RT_ZONE_MOVABLE);
	assert_int_equal(zone_at(UADDR + 8 * PAGE_SIZE), RT_ZONE_CMA);
	assert_int_equal(rt_mm_pfn(MM, UADDR + 20 * PAGE_SIZE), RT_NO_PFN);
	assert_int_equal(rt_mm_pfn(MM, UADDR - PAGE_SIZE), RT_NO_PFN);
	assert_int_equal(rt_mm_populate(MM, UADDR, 1, RT_ZONE_NORMAL, true), -EEXIST);
	assert_int_equal(rt_mm_populate(MM, UADDR + 30 * PAGE_SIZE, 1, RT_ZONE_DEVICE, true), -EINVAL);
	assert_int_equal(rt_mm_populate(MM, UADDR + 60 * PAGE_SIZE, 8, RT_ZONE_NORMAL, true), -EINVAL);
	assert_int_equal(rt_mm_unmap(MM, UADDR + 3, 1), -EINVAL);
	rt_fail_alloc(M, 0, 1);
	assert_int_equal(rt_mm_populate(MM, UADDR + 30 * PAGE_SIZE, 1, RT_ZONE_NORMAL, true), -ENOMEM);
	struct page *pg = pfn_to_page(rt_mm_pfn(MM, UADDR));
	assert_true(PageAnon(pg));
	assert_true(PageUptodate(pg));
	assert_int_equal(page_count(pg), 1);
	assert_int_equal(rt_mm_unmap(MM, UADDR + 15 * PAGE_SIZE, 1), 0);
	assert_int_equal(rt_violation_count(M), 0);
}

static void test_get_user_pages(void **state)
{
	(void)state;
	struct page *pages[4];
	assert_int_equal(get_user_pages(UADDR, 4, FOLL_WRITE, pages), 4);
	assert_int_equal(page_count(pages[0]), 2);
	assert_true(PageDirty(pages[0]));
	struct rt_holder_info h[2];
	rt_page_holders(M, page_to_pfn(pages[0]), h, 2);
	assert_int_equal(h[0].kind, RT_H_GUP);
	for (int i = 0; i < 4; i++)
		put_page(pages[i]);
	assert_int_equal(page_count(pages[0]), 1);
	assert_int_equal(get_user_pages_fast(UADDR + 2 * PAGE_SIZE + 100, 2, 0, pages), 2);
	release_pages(pages, 2);
	/* no pages array: just faults in, no references */
	assert_int_equal(get_user_pages(UADDR, 3, 0, NULL), 3);
	assert_int_equal(page_count(pfn_to_page(rt_mm_pfn(MM, UADDR))), 1);
	assert_int_equal(rt_violation_count(M), 0);
}

static void test_pin_user_pages(void **state)
{
	(void)state;
	struct page *pages[4];
	assert_int_equal(pin_user_pages(UADDR, 4, FOLL_WRITE, pages), 4);
	assert_int_equal(page_count(pages[1]), 1 + GUP_PIN_COUNTING_BIAS);
	assert_true(page_maybe_dma_pinned(pages[1]));
	assert_int_equal(rt_page_pins(M, page_to_pfn(pages[1])), 1);
	unpin_user_pages(pages, 2);
	unpin_user_pages_dirty_lock(pages + 2, 2, true);
	assert_int_equal(page_count(pages[1]), 1);
	assert_false(page_maybe_dma_pinned(pages[1]));
	assert_int_equal(pin_user_pages_fast(UADDR, 1, 0, pages), 1);
	unpin_user_page(pages[0]);
	assert_int_equal(rt_violation_count(M), 0);
}

static FIXTURE void pin_then_put(struct page **pages)
{
	pin_user_pages(UADDR, 2, 0, pages);
	put_page(pages[0]);
	release_pages(pages + 1, 1);
}

static FIXTURE void get_then_unpin(struct page **pages)
{
	get_user_pages(UADDR, 1, 0, pages);
	unpin_user_page(pages[0]);
	unpin_user_page(pages[0]);
}

static void test_pin_mismatch(void **state)
{
	(void)state;
	struct page *pages[2];
	pin_then_put(pages);
	assert_int_equal(nviol(RT_V_PIN_PUT), 2);
	struct rt_violation v = first_viol(RT_V_PIN_PUT);
	assert_string_equal(v.func, "pin_then_put");
	assert_string_equal(v.api, "put_page");
	assert_int_equal(v.holder_kind, RT_H_PIN);
	assert_string_equal(v.holder_func, "pin_then_put");
	assert_string_equal(v.holder_api, "pin_user_pages");
	assert_int_equal(page_count(pages[0]), 1);      /* the pin was dropped as meant */
	get_then_unpin(pages);
	assert_int_equal(nviol(RT_V_GET_UNPIN), 1);
	assert_int_equal(nviol(RT_V_UNPIN_UNPINNED), 1);
	assert_string_equal(first_viol(RT_V_UNPIN_UNPINNED).func, "get_then_unpin");
	/* one put too many on a mapped page drops the mapping's reference */
	put_page(pages[0]);
	assert_int_equal(nviol(RT_V_REF_STOLEN), 1);
	assert_int_equal(page_count(pages[0]), 1);      /* refused */
}

static void test_gup_errors(void **state)
{
	(void)state;
	struct page *pages[8];
	assert_int_equal(pin_user_pages(UADDR, 1, FOLL_GET, pages), -EINVAL);
	assert_int_equal(get_user_pages(UADDR, 1, FOLL_PIN, pages), -EINVAL);
	assert_int_equal(pin_user_pages(UADDR, 1, 0, NULL), -EINVAL);
	assert_int_equal(pin_user_pages_fast(UADDR, -1, 0, pages), -EINVAL);
	assert_int_equal(get_user_pages_fast(UADDR, -1, 0, pages), -EINVAL);
	assert_int_equal(get_user_pages(UADDR, 0, 0, pages), 0);
	assert_int_equal(get_user_pages(UADDR - PAGE_SIZE, 1, 0, pages), -EFAULT);
	assert_int_equal(get_user_pages(UADDR + 64 * PAGE_SIZE, 1, 0, pages), -EFAULT);
	assert_int_equal(get_user_pages(UADDR + 20 * PAGE_SIZE, 1, 0, pages), -EFAULT);
	/* stops at the first unmapped or read-only page */
	assert_int_equal(get_user_pages(UADDR + 14 * PAGE_SIZE, 4, 0, pages), 2);
	release_pages(pages, 2);
	assert_int_equal(get_user_pages(UADDR + 10 * PAGE_SIZE, 4, FOLL_WRITE, pages), 2);
	release_pages(pages, 2);
	assert_int_equal(get_user_pages(UADDR + 12 * PAGE_SIZE, 1, FOLL_WRITE, pages), -EFAULT);
	rt_set_current_mm(M, NULL);
	assert_int_equal(get_user_pages(UADDR, 1, 0, pages), -EFAULT);
	rt_set_current_mm(M, MM);
	assert_int_equal(rt_violation_count(M), 0);
}

static void test_longterm_migrates(void **state)
{
	(void)state;
	struct page *pages[12];
	unsigned long old = rt_mm_pfn(MM, UADDR);
	strcpy(page_address(pfn_to_page(old)), "payload");
	assert_int_equal(pin_user_pages(UADDR, 12, FOLL_WRITE | FOLL_LONGTERM, pages), 12);
	for (int i = 0; i < 12; i++) {
		assert_int_equal(zone_at(UADDR + (unsigned long)i * PAGE_SIZE), RT_ZONE_NORMAL);
		assert_int_equal(page_to_pfn(pages[i]), rt_mm_pfn(MM, UADDR + (unsigned long)i * PAGE_SIZE));
	}
	assert_int_not_equal(page_to_pfn(pages[0]), old);
	assert_string_equal(page_address(pages[0]), "payload");
	assert_int_equal(page_count(pfn_to_page(old)), 0);      /* old page freed */
	struct rt_holder_info h[2];
	rt_page_holders(M, page_to_pfn(pages[0]), h, 2);
	assert_true(h[0].longterm);
	unpin_user_pages(pages, 12);
	assert_int_equal(rt_violation_count(M), 0);
}

static FIXTURE long longterm_pinner(struct page **pages)
{
	return pin_user_pages(UADDR, 1, FOLL_LONGTERM, pages);
}

static void test_longterm_blocked(void **state)
{
	(void)state;
	struct page *held, *pages[1];
	/* a plain reference (like udmabuf's) makes the page unmovable */
	assert_int_equal(get_user_pages(UADDR, 1, 0, &held), 1);
	assert_int_equal(longterm_pinner(pages), -ENOMEM);
	assert_int_equal(nviol(RT_V_LONGTERM_BLOCKED), 1);
	struct rt_violation v = first_viol(RT_V_LONGTERM_BLOCKED);
	assert_string_equal(v.func, "longterm_pinner");
	assert_string_equal(v.holder_func, "test_longterm_blocked");
	assert_string_equal(v.holder_api, "get_user_pages");
	struct rt_blocker b;
	assert_true(rt_last_blocker(M, &b));
	assert_int_equal(b.pfn, page_to_pfn(held));
	assert_int_equal(b.holder_kind, RT_H_GUP);
	assert_string_equal(b.holder_func, "test_longterm_blocked");
	put_page(held);
	/* migration target allocation failure: -ENOMEM, nothing recorded */
	rt_violations_reset(M);
	rt_fail_alloc(M, 0, 1);
	assert_int_equal(longterm_pinner(pages), -ENOMEM);
	assert_int_equal(rt_violation_count(M), 0);
	assert_int_equal(longterm_pinner(pages), 1);
	unpin_user_page(pages[0]);
}

static void test_shmem(void **state)
{
	(void)state;
	assert_null(rt_shmem_file_create(M, 0, RT_ZONE_MOVABLE));
	assert_null(rt_shmem_file_create(M, 4, RT_ZONE_DEVICE));
	struct file *f = rt_shmem_file_create(M, 8, RT_ZONE_MOVABLE);
	struct address_space *as = f->f_mapping;
	assert_null(find_get_page(as, 2));
	assert_int_equal(rt_shmem_pfn(f, 2), RT_NO_PFN);
	assert_int_equal(rt_shmem_pfn(f, 99), RT_NO_PFN);
	struct page *p = shmem_read_mapping_page(as, 2);
	assert_false(IS_ERR(p));
	assert_int_equal(page_count(p), 2);
	assert_int_equal(rt_shmem_pfn(f, 2), page_to_pfn(p));
	assert_true(zone_is_movable(page_zone(p)));
	struct page *q = find_get_page(as, 2);
	assert_ptr_equal(p, q);
	put_page(q);
	put_page(p);
	assert_int_equal(PTR_ERR(shmem_read_mapping_page(as, 8)), -EINVAL);
	assert_int_equal(PTR_ERR(shmem_read_mapping_page(NULL, 0)), -EINVAL);
	rt_fail_alloc(M, 0, 1);
	assert_int_equal(PTR_ERR(shmem_read_mapping_page(as, 3)), -ENOMEM);
	put_page(p);                    /* only the page cache holds it now */
	assert_int_equal(nviol(RT_V_REF_STOLEN), 1);
	rt_shmem_file_destroy(f);
}

static FIXTURE long udmabuf_like(struct file *memfd, struct page **keep)
{
	/* grab a page reference the udmabuf way, then try to longterm-pin */
	*keep = shmem_read_mapping_page(memfd->f_mapping, 0);
	struct folio *folios[4];
	pgoff_t off;
	return memfd_pin_folios(memfd, 0, 4 * PAGE_SIZE - 1, folios, 4, &off);
}

static void test_memfd_pin_folios(void **state)
{
	(void)state;
	struct file *f = rt_shmem_file_create(M, 8, RT_ZONE_CMA);
	struct folio *folios[8];
	pgoff_t off = 99;
	assert_int_equal(memfd_pin_folios(f, 100, 3 * PAGE_SIZE, folios, 8, &off), 4);
	assert_int_equal(off, 100);
	for (int i = 0; i < 4; i++) {
		assert_false(is_migrate_cma_page(&folios[i]->page));
		assert_true(folio_maybe_dma_pinned(folios[i]));
	}
	assert_int_equal(rt_shmem_pfn(f, 1), folio_pfn(folios[1]));
	unpin_folios(folios, 3);
	unpin_folio(folios[3]);
	/* clipped to max_folios and to the file size */
	assert_int_equal(memfd_pin_folios(f, 0, 100 * PAGE_SIZE, folios, 2, NULL), 2);
	unpin_folios(folios, 2);
	assert_int_equal(memfd_pin_folios(f, 6 * PAGE_SIZE, 100 * PAGE_SIZE, folios, 8, NULL), 2);
	unpin_folios(folios, 2);
	assert_int_equal(memfd_pin_folios(f, 5, 1, folios, 8, NULL), -EINVAL);
	assert_int_equal(memfd_pin_folios(f, 0, 1, folios, 0, NULL), -EINVAL);
	assert_int_equal(memfd_pin_folios(NULL, 0, 1, folios, 1, NULL), -EINVAL);
	assert_int_equal(memfd_pin_folios(f, 9 * PAGE_SIZE, 10 * PAGE_SIZE, folios, 1, NULL), -EINVAL);
	assert_int_equal(rt_violation_count(M), 0);
	rt_shmem_file_destroy(f);

	/* the seed's udmabuf case: a plain reference blocks FOLL_LONGTERM */
	f = rt_shmem_file_create(M, 8, RT_ZONE_MOVABLE);
	struct page *keep;
	assert_int_equal(udmabuf_like(f, &keep), -ENOMEM);
	struct rt_violation v = first_viol(RT_V_LONGTERM_BLOCKED);
	assert_string_equal(v.func, "udmabuf_like");
	assert_string_equal(v.holder_api, "shmem_read_mapping_page");
	put_page(keep);
	rt_fail_alloc(M, 0, 1);
	assert_int_equal(memfd_pin_folios(f, 7 * PAGE_SIZE, 8 * PAGE_SIZE, folios, 1, NULL), -ENOMEM);
	rt_shmem_file_destroy(f);
}

static void test_unpin_free_page(void **state)
{
	(void)state;
	struct page *p = alloc_page(GFP_KERNEL);
	__free_page(p);
	unpin_user_page(p);
	assert_int_equal(nviol(RT_V_USE_AFTER_FREE), 1);
	unpin_user_page(NULL);
	assert_int_equal(nviol(RT_V_BAD_PAGE), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		G(test_mm_model), G(test_get_user_pages), G(test_pin_user_pages),
		G(test_pin_mismatch), G(test_gup_errors), G(test_longterm_migrates),
		G(test_longterm_blocked), G(test_shmem), G(test_memfd_pin_folios),
		G(test_unpin_free_page),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
