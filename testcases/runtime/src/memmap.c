// SPDX-License-Identifier: GPL-2.0
/*
 * memmap.c - the virtual memmap (SPARSEMEM_VMEMMAP-like) and the pfn/page
 * conversions, with the checks every read of a struct page goes through.
 *
 * The memmap of all sections is one array, as the kernel's vmemmap is one
 * virtual range.  Where the kernel would unmap the backing of a removed
 * section, the model keeps the entries (poisoned) and records a violation
 * on every read, so a late reader is reported instead of crashing.
 */
#include <string.h>
#include "rt_internal.h"

bool rt_pfn_in_range(struct rt_machine *m, unsigned long pfn)
{
	return pfn < m->nr_pfns;
}

bool rt_pfn_initialised(struct rt_machine *m, unsigned long pfn)
{
	struct rt_section *s = &m->sec[rt_pfn_section(m, pfn)];
	return s->memmap == RT_MEMMAP_PRESENT && (s->sub_init >> rt_pfn_sub(m, pfn) & 1);
}

void *rt_pfn_data(struct rt_machine *m, unsigned long pfn)
{
	return m->phys + pfn * PAGE_SIZE;
}

void rt_memmap_init_range(struct rt_machine *m, unsigned long pfn, unsigned long n,
			  enum rt_zone zone)
{
	for (unsigned long p = pfn; p < pfn + n; p++) {
		struct page *pg = &m->vmemmap[p];
		memset(pg, 0, sizeof(*pg));
		pg->flags = (unsigned long)rt_kernel_zone(zone) << RT_ZONES_SHIFT;
		pg->_mapcount.counter = -1;
		m->meta[p].state = RT_P_NONE;
		m->meta[p].holders = RT_NONE;
		m->meta[p].buddy_head = false;
		m->meta[p].compound = false;
	}
}

void rt_memmap_poison_range(struct rt_machine *m, unsigned long pfn, unsigned long n)
{
	memset(&m->vmemmap[pfn], RT_POISON_BYTE, n * sizeof(struct page));
	for (unsigned long p = pfn; p < pfn + n; p++) {
		m->meta[p].state = RT_P_NONE;
		m->meta[p].buddy_head = false;
		m->meta[p].compound = false;
	}
}

static bool is_net_iov_ptr(struct rt_machine *m, const void *p)
{
	const char *c = p, *b = (const char *)m->niov;
	return m->niov && c >= b && c < b + m->nr_niov * sizeof(struct net_iov);
}

unsigned long rt_check_page(struct rt_machine *m, const struct page *page, bool *ok)
{
	*ok = false;
	if (!page) {
		rt_violation(m, RT_V_BAD_PAGE, RT_NO_PFN, RT_NONE, "NULL struct page");
		return RT_NO_PFN;
	}
	uintptr_t a = (uintptr_t)page, b = (uintptr_t)m->vmemmap;
	if (a < b || a >= b + m->nr_pfns * sizeof(struct page) ||
	    (a - b) % sizeof(struct page)) {
		if (is_net_iov_ptr(m, page))
			rt_violation(m, RT_V_NET_IOV_MM, RT_NO_PFN, RT_NONE,
				     "a net_iov is not a struct page");
		else
			rt_violation(m, RT_V_BAD_PAGE, RT_NO_PFN, RT_NONE,
				     "%p is not in the memmap", (const void *)page);
		return RT_NO_PFN;
	}
	unsigned long pfn = (a - b) / sizeof(struct page);
	struct rt_section *s = &m->sec[rt_pfn_section(m, pfn)];
	if (s->memmap == RT_MEMMAP_NONE)
		rt_violation(m, s->ever_present ? RT_V_MEMMAP_FREED : RT_V_MEMMAP_ABSENT,
			     pfn, RT_NONE, "no memmap behind this pfn");
	else if (s->memmap == RT_MEMMAP_FREED)
		rt_violation(m, RT_V_MEMMAP_FREED, pfn, RT_NONE,
			     "memmap freed by hot-remove");
	else if (!(s->sub_init >> rt_pfn_sub(m, pfn) & 1))
		rt_violation(m, RT_V_MEMMAP_UNINIT, pfn, RT_NONE,
			     "memmap poisoned (section %s)",
			     s->state == RT_SECTION_DEVICE ? "device, reserved" : "offline");
	else
		*ok = true;
	return pfn;
}

unsigned long rt_head_pfn(struct rt_machine *m, unsigned long pfn)
{
	unsigned long ch = m->vmemmap[pfn].compound_head;
	if (ch & 1)
		return (unsigned long)((const struct page *)(ch - 1) - m->vmemmap);
	return pfn;
}

/* ---- kernel API: pfn <-> page --------------------------------------------- */

int pfn_valid(unsigned long pfn)
{
	struct rt_machine *m = rt_enter(__builtin_return_address(0), "pfn_valid");
	int v = pfn < m->nr_pfns && m->sec[rt_pfn_section(m, pfn)].memmap == RT_MEMMAP_PRESENT;
	rt_leave(m);
	return v;
}

static struct page *pfn_to_page_at(const void *caller, const char *api, unsigned long pfn)
{
	struct rt_machine *m = rt_enter(caller, api);
	/* pure arithmetic in the kernel: nothing is read yet */
	struct page *p = (struct page *)((uintptr_t)m->vmemmap + pfn * sizeof(struct page));
	if (pfn >= m->nr_pfns)
		rt_violation(m, RT_V_MEMMAP_ABSENT, pfn, RT_NONE,
			     "pfn_to_page() beyond the memmap");
	rt_leave(m);
	return p;
}

struct page *pfn_to_page(unsigned long pfn)
{
	return pfn_to_page_at(__builtin_return_address(0), "pfn_to_page", pfn);
}

static unsigned long page_to_pfn_at(const void *caller, const char *api,
				    const struct page *page)
{
	struct rt_machine *m = rt_enter(caller, api);
	uintptr_t a = (uintptr_t)page, b = (uintptr_t)m->vmemmap;
	unsigned long pfn = (a - b) / sizeof(struct page);
	if (is_net_iov_ptr(m, page))
		rt_violation(m, RT_V_NET_IOV_MM, RT_NO_PFN, RT_NONE,
			     "page_to_pfn() of a net_iov");
	else if (!page || a < b || pfn >= m->nr_pfns)
		rt_violation(m, RT_V_BAD_PAGE, RT_NO_PFN, RT_NONE,
			     "page_to_pfn() of a pointer outside the memmap");
	rt_leave(m);
	return pfn;
}

unsigned long page_to_pfn(const struct page *page)
{
	return page_to_pfn_at(__builtin_return_address(0), "page_to_pfn", page);
}

struct page *pfn_to_online_page(unsigned long pfn)
{
	struct rt_machine *m = rt_enter(__builtin_return_address(0), "pfn_to_online_page");
	struct page *p = NULL;
	if (pfn < m->nr_pfns && m->sec[rt_pfn_section(m, pfn)].state == RT_SECTION_ONLINE)
		p = &m->vmemmap[pfn];
	rt_leave(m);
	return p;
}

bool pfn_active(unsigned long pfn)
{
	struct rt_machine *m = rt_enter(__builtin_return_address(0), "pfn_active");
	bool a = pfn < m->nr_pfns &&
		 (m->sec[rt_pfn_section(m, pfn)].sub_active >> rt_pfn_sub(m, pfn) & 1);
	rt_leave(m);
	return a;
}

struct page *phys_to_page(phys_addr_t phys)
{
	return pfn_to_page_at(__builtin_return_address(0), "phys_to_page", PHYS_PFN(phys));
}

phys_addr_t page_to_phys(const struct page *page)
{
	return PFN_PHYS(page_to_pfn_at(__builtin_return_address(0), "page_to_phys", page));
}

struct page *virt_to_page(const void *addr)
{
	struct rt_machine *m = rt_enter(__builtin_return_address(0), "virt_to_page");
	const unsigned char *a = addr;
	struct page *p = NULL;
	if (a >= m->phys && a < m->phys + m->nr_pfns * PAGE_SIZE)
		p = &m->vmemmap[(unsigned long)(a - m->phys) / PAGE_SIZE];
	else
		rt_violation(m, RT_V_BAD_PAGE, RT_NO_PFN, RT_NONE,
			     "virt_to_page() of an address outside the direct map");
	rt_leave(m);
	return p;
}

/* page_address()/kmap: the page must be in use by the caller. */
static void *map_page(struct rt_machine *m, const struct page *page, bool count)
{
	bool ok;
	unsigned long pfn = rt_check_page(m, page, &ok);
	if (pfn == RT_NO_PFN)
		return NULL;
	if (ok && rt_page_is_free(m, pfn))
		rt_violation(m, RT_V_USE_AFTER_FREE, pfn, RT_NONE,
			     "mapping a free page");
	if (count)
		rt_tls.kmap_depth++;
	return rt_pfn_data(m, pfn);
}

void *page_address(const struct page *page)
{
	struct rt_machine *m = rt_enter(__builtin_return_address(0), "page_address");
	void *v = map_page(m, page, false);
	rt_leave(m);
	return v;
}

void *kmap_local_page(struct page *page)
{
	struct rt_machine *m = rt_enter(__builtin_return_address(0), "kmap_local_page");
	void *v = map_page(m, page, true);
	rt_leave(m);
	return v;
}

void *kmap(struct page *page)
{
	struct rt_machine *m = rt_enter(__builtin_return_address(0), "kmap");
	void *v = map_page(m, page, true);
	rt_leave(m);
	return v;
}

static void unmap_page(const void *caller, const char *api)
{
	struct rt_machine *m = rt_enter(caller, api);
	if (rt_tls.kmap_depth > 0)
		rt_tls.kmap_depth--;
	else
		rt_violation(m, RT_V_LOCK_IMBALANCE, RT_NO_PFN, RT_NONE,
			     "%s() without a kmap", api);
	rt_leave(m);
}

void kunmap_local(const void *addr)
{
	(void)addr;
	unmap_page(__builtin_return_address(0), "kunmap_local");
}

void kunmap(struct page *page)
{
	(void)page;
	unmap_page(__builtin_return_address(0), "kunmap");
}

struct page *compound_head(const struct page *page)
{
	struct rt_machine *m = rt_enter(__builtin_return_address(0), "compound_head");
	bool ok;
	unsigned long pfn = rt_check_page(m, page, &ok);
	struct page *h = (struct page *)page;
	if (ok)
		h = &m->vmemmap[rt_head_pfn(m, pfn)];
	rt_leave(m);
	return h;
}

/* ---- error pointers ------------------------------------------------------- */
void *ERR_PTR(long error) { return (void *)error; }
long PTR_ERR(const void *ptr) { return (long)ptr; }
bool IS_ERR(const void *ptr) { return (unsigned long)ptr >= (unsigned long)-MAX_ERRNO; }
bool IS_ERR_OR_NULL(const void *ptr) { return !ptr || IS_ERR(ptr); }
