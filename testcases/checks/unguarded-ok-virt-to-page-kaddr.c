/*
 * page-unguarded-deref, negative. virt_to_page()/virt_to_head_page() of a
 * kernel pointer the caller handed in (a kmalloc'ed buffer, a slab object)
 * is the caller's page, not an arbitrary pfn: seed
 * pfn-to-online-page-zone-device-rcu-pfn-active on hardened usercopy ("We
 * come via virt_to_head_page() ... I assume this should be fine as we don't
 * come via random PFNs"). Only virt_to_page(__va(phys)) of an arbitrary
 * physical address is arbitrary (unguarded-virt-to-page-va.c).
 */
#include <linux/mm.h>

bool object_spans_reserved(const void *ptr, unsigned long n)
{
	struct page *page = virt_to_head_page(ptr);
	struct page *end = virt_to_page(ptr + n - 1);

	if (PageSlab(page))
		return false;
	return PageReserved(page) != PageReserved(end);
}
