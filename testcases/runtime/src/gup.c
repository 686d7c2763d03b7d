// SPDX-License-Identifier: GPL-2.0
/*
 * gup.c - a small user address space and page cache, get_user_pages() and
 * pin_user_pages() over them, and the matching releases.
 *
 * Mapped pages are held by a RT_H_MAP holder (the PTE or page-cache slot),
 * which migration can move.  FOLL_LONGTERM migrates pages out of
 * ZONE_MOVABLE and CMA before pinning, as check_and_migrate_movable_pages()
 * does; if another holder makes that impossible the pin fails with -ENOMEM
 * and the holder is recorded (the udmabuf/vfio case of the seed).
 */
#include <stdlib.h>
#include <string.h>
#include "rt_internal.h"

#define CALLER __builtin_return_address(0)

struct mm_struct {
	struct rt_mapper mapper;        /* first: holders point here */
	struct rt_machine *m;
	unsigned long start, npages;
	long *pfn;                      /* RT_NONE: not mapped */
	bool *writable;
};

struct address_space {
	struct rt_mapper mapper;
	struct rt_machine *m;
	unsigned long npages;
	enum rt_zone zone;
	long *pfn;
};

struct rt_shmem_file {
	struct file file;
	struct address_space as;
};

static void mm_remap(struct rt_mapper *mp, unsigned long idx, unsigned long new_pfn)
{
	((struct mm_struct *)mp)->pfn[idx] = (long)new_pfn;
}

static void as_remap(struct rt_mapper *mp, unsigned long idx, unsigned long new_pfn)
{
	struct address_space *as = (struct address_space *)mp;
	as->pfn[idx] = (long)new_pfn;
}

/* Allocate one page from exactly `zone` and map it at (mp, idx). */
static long map_new_page(struct rt_machine *m, enum rt_zone zone, struct rt_mapper *mp,
			 unsigned long idx)
{
	if (rt_alloc_should_fail(m))
		return RT_NONE;
	long pfn = rt_buddy_alloc(m, 0, RT_ZMASK(zone), -1);
	if (pfn == RT_NONE)
		return RT_NONE;
	int32_t h = rt_holder_add(m, (unsigned long)pfn, RT_H_MAP, false);
	m->holders[h].obj = mp;
	m->holders[h].idx = idx;
	m->holders[h].epoch = 0;
	m->vmemmap[pfn].flags |= 1UL << PG_uptodate | 1UL << PG_lru;
	memset(rt_pfn_data(m, (unsigned long)pfn), 0, PAGE_SIZE);
	return pfn;
}

static void unmap_slot(struct rt_machine *m, struct rt_mapper *mp, long *slot, unsigned long idx)
{
	if (*slot == RT_NONE)
		return;
	unsigned long pfn = (unsigned long)*slot;
	for (int32_t h = m->meta[pfn].holders; h != RT_NONE; h = m->holders[h].next) {
		if (m->holders[h].kind == RT_H_MAP && m->holders[h].obj == mp &&
		    m->holders[h].idx == idx) {
			rt_holder_drop(m, pfn, h);
			break;
		}
	}
	*slot = RT_NONE;
}

/* ---- the user address space ------------------------------------------------- */

struct mm_struct *rt_mm_create(struct rt_machine *m, unsigned long start, unsigned long npages)
{
	if ((start & ~PAGE_MASK) || !npages || npages > (1UL << 24))
		return NULL;
	struct mm_struct *mm = calloc(1, sizeof(*mm) + npages * (sizeof(long) + sizeof(bool)));
	if (!mm)
		return NULL;
	mm->mapper.remap = mm_remap;
	mm->m = m;
	mm->start = start;
	mm->npages = npages;
	mm->pfn = (long *)(mm + 1);
	mm->writable = (bool *)(mm->pfn + npages);
	for (unsigned long i = 0; i < npages; i++)
		mm->pfn[i] = RT_NONE;
	pthread_mutex_lock(&m->lock);
	rt_own(m, mm);
	pthread_mutex_unlock(&m->lock);
	return mm;
}

static bool mm_range(struct mm_struct *mm, unsigned long addr, unsigned long n, unsigned long *idx)
{
	if ((addr & ~PAGE_MASK) || addr < mm->start)
		return false;
	*idx = (addr - mm->start) >> PAGE_SHIFT;
	return *idx < mm->npages && n <= mm->npages - *idx;
}

int rt_mm_populate(struct mm_struct *mm, unsigned long addr, unsigned long npages,
		   enum rt_zone zone, bool writable)
{
	unsigned long idx;
	if (!mm_range(mm, addr, npages, &idx) || zone >= RT_ZONE_DEVICE)
		return -EINVAL;
	struct rt_machine *m = mm->m;
	rt_lock(m, CALLER, "rt_mm_populate");
	int rc = 0;
	for (unsigned long i = idx; i < idx + npages && !rc; i++) {
		if (mm->pfn[i] != RT_NONE) {
			rc = -EEXIST;
			break;
		}
		long pfn = map_new_page(m, zone, &mm->mapper, i);
		if (pfn == RT_NONE) {
			rc = -ENOMEM;
			break;
		}
		m->vmemmap[pfn].flags |= 1UL << PG_anon;
		mm->pfn[i] = pfn;
		mm->writable[i] = writable;
	}
	pthread_mutex_unlock(&m->lock);
	return rc;
}

int rt_mm_unmap(struct mm_struct *mm, unsigned long addr, unsigned long npages)
{
	unsigned long idx;
	if (!mm_range(mm, addr, npages, &idx))
		return -EINVAL;
	rt_lock(mm->m, CALLER, "rt_mm_unmap");
	for (unsigned long i = idx; i < idx + npages; i++)
		unmap_slot(mm->m, &mm->mapper, &mm->pfn[i], i);
	pthread_mutex_unlock(&mm->m->lock);
	return 0;
}

unsigned long rt_mm_pfn(struct mm_struct *mm, unsigned long addr)
{
	unsigned long idx;
	if (!mm_range(mm, addr & PAGE_MASK, 1, &idx))
		return RT_NO_PFN;
	pthread_mutex_lock(&mm->m->lock);
	long pfn = mm->pfn[idx];
	pthread_mutex_unlock(&mm->m->lock);
	return pfn == RT_NONE ? RT_NO_PFN : (unsigned long)pfn;
}

void rt_mm_destroy(struct mm_struct *mm)
{
	struct rt_machine *m = mm->m;
	rt_mm_unmap(mm, mm->start, mm->npages);
	pthread_mutex_lock(&m->lock);
	if (m->current_mm == mm)
		m->current_mm = NULL;
	rt_disown(m, mm);
	pthread_mutex_unlock(&m->lock);
	free(mm);
}

void rt_set_current_mm(struct rt_machine *m, struct mm_struct *mm)
{
	pthread_mutex_lock(&m->lock);
	m->current_mm = mm;
	pthread_mutex_unlock(&m->lock);
}

/* ---- FOLL_LONGTERM -------------------------------------------------------------- */

static bool longterm_pinnable(struct rt_machine *m, unsigned long pfn)
{
	enum rt_zone z = m->sec[rt_pfn_section(m, pfn)].zone;
	return z != RT_ZONE_MOVABLE && z != RT_ZONE_CMA;
}

/* Migrate *pfn out of MOVABLE/CMA if needed; 0 or -ENOMEM. */
static int make_longterm_pinnable(struct rt_machine *m, long *slot)
{
	unsigned long pfn = (unsigned long)*slot;
	if (longterm_pinnable(m, pfn))
		return 0;
	int32_t blocker;
	int rc = rt_migrate_page(m, pfn, RT_ZMASK(RT_ZONE_NORMAL), -1, &blocker);
	if (rc == -EBUSY) {
		rt_note_blocker(m, pfn, blocker);
		rt_violation(m, RT_V_LONGTERM_BLOCKED, pfn, blocker,
			     "FOLL_LONGTERM cannot migrate this page out of %s",
			     m->sec[rt_pfn_section(m, pfn)].zone == RT_ZONE_CMA ? "CMA" : "ZONE_MOVABLE");
	}
	return rc ? -ENOMEM : 0;
}

/* ---- get_user_pages / pin_user_pages ------------------------------------------ */

static long gup_at(const void *caller, const char *api, unsigned long start, unsigned long nr,
		   unsigned int flags, struct page **pages, bool pin)
{
	struct rt_machine *m = rt_enter(caller, api);
	struct mm_struct *mm = m->current_mm;
	long rc = 0;
	unsigned long idx = 0, n = 0;

	if ((pin && (flags & (FOLL_GET | FOLL_PIN))) || (!pin && (flags & FOLL_PIN)) ||
	    (pin && !pages)) {
		rc = -EINVAL;
		goto out;
	}
	if (!nr)
		goto out;
	start &= PAGE_MASK;
	if (!mm || start < mm->start || ((start - mm->start) >> PAGE_SHIFT) >= mm->npages) {
		rc = -EFAULT;
		goto out;
	}
	idx = (start - mm->start) >> PAGE_SHIFT;
	while (n < nr && idx + n < mm->npages && mm->pfn[idx + n] != RT_NONE &&
	       (!(flags & FOLL_WRITE) || mm->writable[idx + n]))
		n++;
	if (!n) {
		rc = -EFAULT;
		goto out;
	}
	if (flags & FOLL_LONGTERM)
		for (unsigned long i = 0; i < n; i++)
			if (make_longterm_pinnable(m, &mm->pfn[idx + i])) {
				rc = -ENOMEM;
				goto out;
			}
	for (unsigned long i = 0; i < n && pages; i++) {
		unsigned long pfn = (unsigned long)mm->pfn[idx + i];
		rt_holder_add(m, pfn, pin ? RT_H_PIN : RT_H_GUP, flags & FOLL_LONGTERM);
		if (flags & FOLL_WRITE)
			m->vmemmap[pfn].flags |= 1UL << PG_dirty;
		pages[i] = &m->vmemmap[pfn];
	}
	rc = (long)n;
out:
	rt_leave(m);
	return rc;
}

long get_user_pages(unsigned long start, unsigned long nr_pages, unsigned int gup_flags,
		    struct page **pages)
{
	return gup_at(CALLER, "get_user_pages", start, nr_pages, gup_flags, pages, false);
}

long pin_user_pages(unsigned long start, unsigned long nr_pages, unsigned int gup_flags,
		    struct page **pages)
{
	return gup_at(CALLER, "pin_user_pages", start, nr_pages, gup_flags, pages, true);
}

int get_user_pages_fast(unsigned long start, int nr_pages, unsigned int gup_flags,
			struct page **pages)
{
	if (nr_pages < 0)
		return -EINVAL;
	return (int)gup_at(CALLER, "get_user_pages_fast", start, (unsigned long)nr_pages,
			   gup_flags, pages, false);
}

int pin_user_pages_fast(unsigned long start, int nr_pages, unsigned int gup_flags,
			struct page **pages)
{
	if (nr_pages < 0)
		return -EINVAL;
	return (int)gup_at(CALLER, "pin_user_pages_fast", start, (unsigned long)nr_pages,
			   gup_flags, pages, true);
}

static void unpin_at(const void *caller, const char *api, struct page *page, bool dirty)
{
	struct rt_machine *m = rt_enter(caller, api);
	bool ok;
	unsigned long pfn = rt_check_page(m, page, &ok);
	if (pfn != RT_NO_PFN && ok) {
		unsigned long head = rt_head_pfn(m, pfn);
		if (dirty && !rt_page_is_free(m, head))
			m->vmemmap[head].flags |= 1UL << PG_dirty;
		rt_ref_unpin(m, head);
	}
	rt_leave(m);
}

void unpin_user_page(struct page *page) { unpin_at(CALLER, "unpin_user_page", page, false); }

void unpin_user_pages(struct page **pages, unsigned long npages)
{
	for (unsigned long i = 0; i < npages; i++)
		unpin_at(CALLER, "unpin_user_pages", pages[i], false);
}

void unpin_user_pages_dirty_lock(struct page **pages, unsigned long npages, bool make_dirty)
{
	for (unsigned long i = 0; i < npages; i++)
		unpin_at(CALLER, "unpin_user_pages_dirty_lock", pages[i], make_dirty);
}

void unpin_folio(struct folio *folio) { unpin_at(CALLER, "unpin_folio", &folio->page, false); }

void unpin_folios(struct folio **folios, unsigned long nfolios)
{
	for (unsigned long i = 0; i < nfolios; i++)
		unpin_at(CALLER, "unpin_folios", &folios[i]->page, false);
}

/* ---- shmem / memfd page cache ----------------------------------------------------- */

struct file *rt_shmem_file_create(struct rt_machine *m, unsigned long npages, enum rt_zone zone)
{
	if (!npages || npages > (1UL << 24) || zone >= RT_ZONE_DEVICE)
		return NULL;
	struct rt_shmem_file *f = calloc(1, sizeof(*f) + npages * sizeof(long));
	if (!f)
		return NULL;
	f->file.f_mapping = &f->as;
	f->as.mapper.remap = as_remap;
	f->as.m = m;
	f->as.npages = npages;
	f->as.zone = zone;
	f->as.pfn = (long *)(f + 1);
	for (unsigned long i = 0; i < npages; i++)
		f->as.pfn[i] = RT_NONE;
	pthread_mutex_lock(&m->lock);
	rt_own(m, f);
	pthread_mutex_unlock(&m->lock);
	return &f->file;
}

void rt_shmem_file_destroy(struct file *file)
{
	struct rt_shmem_file *f = (struct rt_shmem_file *)file;
	struct rt_machine *m = f->as.m;
	rt_lock(m, CALLER, "rt_shmem_file_destroy");
	for (unsigned long i = 0; i < f->as.npages; i++)
		unmap_slot(m, &f->as.mapper, &f->as.pfn[i], i);
	rt_disown(m, f);
	pthread_mutex_unlock(&m->lock);
	free(f);
}

unsigned long rt_shmem_pfn(struct file *file, pgoff_t index)
{
	struct rt_shmem_file *f = (struct rt_shmem_file *)file;
	if (index >= f->as.npages)
		return RT_NO_PFN;
	pthread_mutex_lock(&f->as.m->lock);
	long pfn = f->as.pfn[index];
	pthread_mutex_unlock(&f->as.m->lock);
	return pfn == RT_NONE ? RT_NO_PFN : (unsigned long)pfn;
}

/* Look up or fault in a page-cache page; RT_NONE and *err on failure. */
static long cache_page(struct rt_machine *m, struct address_space *as, pgoff_t index,
		       bool create, long *err)
{
	*err = -EINVAL;
	if (!as || index >= as->npages)
		return RT_NONE;
	if (as->pfn[index] == RT_NONE && create) {
		long pfn = map_new_page(m, as->zone, &as->mapper, index);
		*err = -ENOMEM;
		if (pfn == RT_NONE)
			return RT_NONE;
		m->vmemmap[pfn].mapping = as;
		m->vmemmap[pfn].index = index;
		as->pfn[index] = pfn;
	}
	return as->pfn[index];
}

struct page *shmem_read_mapping_page(struct address_space *mapping, pgoff_t index)
{
	struct rt_machine *m = rt_enter(CALLER, "shmem_read_mapping_page");
	long err, pfn = cache_page(m, mapping, index, true, &err);
	struct page *page = ERR_PTR(err);
	if (pfn != RT_NONE) {
		rt_ref_get(m, (unsigned long)pfn, RT_H_REF);
		page = &m->vmemmap[pfn];
	}
	rt_leave(m);
	return page;
}

struct page *find_get_page(struct address_space *mapping, pgoff_t offset)
{
	struct rt_machine *m = rt_enter(CALLER, "find_get_page");
	long err, pfn = cache_page(m, mapping, offset, false, &err);
	struct page *page = NULL;
	if (pfn != RT_NONE) {
		rt_ref_get(m, (unsigned long)pfn, RT_H_REF);
		page = &m->vmemmap[pfn];
	}
	rt_leave(m);
	return page;
}

long memfd_pin_folios(struct file *memfd, loff_t start, loff_t end, struct folio **folios,
		      unsigned int max_folios, pgoff_t *offset)
{
	struct rt_machine *m = rt_enter(CALLER, "memfd_pin_folios");
	long rc = -EINVAL, err;
	if (!memfd || !memfd->f_mapping || start < 0 || start > end || !max_folios || !folios)
		goto out;
	struct address_space *as = memfd->f_mapping;
	unsigned long first = (unsigned long)start >> PAGE_SHIFT;
	unsigned long last = (unsigned long)end >> PAGE_SHIFT;
	if (first >= as->npages)
		goto out;
	if (last >= as->npages)
		last = as->npages - 1;
	if (last - first + 1 > max_folios)
		last = first + max_folios - 1;
	for (unsigned long i = first; i <= last; i++) {
		if (cache_page(m, as, i, true, &err) == RT_NONE ||
		    make_longterm_pinnable(m, &as->pfn[i])) {
			rc = -ENOMEM;
			goto out;
		}
	}
	for (unsigned long i = first; i <= last; i++) {
		rt_holder_add(m, (unsigned long)as->pfn[i], RT_H_PIN, true);
		folios[i - first] = (struct folio *)&m->vmemmap[as->pfn[i]];
	}
	if (offset)
		*offset = (pgoff_t)start & ~PAGE_MASK;
	rc = (long)(last - first + 1);
out:
	rt_leave(m);
	return rc;
}
