/*
 * page-unguarded-deref, caller contracts inferred from the callers for
 * scopes other than the page table lock. A static helper that checks a
 * pfn with pfn_active() is safe when every caller calls it inside
 * rcu_read_lock() (the RCU pfn_active() protocol of the seeds, with the
 * read-side section in the caller), and a static helper that only __init
 * functions call runs at boot, before any hot-remove (the B3 group: the
 * helper of a boot-time memmap walk). Without the inference both helpers
 * are reported: the first as a pfn_active() check outside RCU, the second
 * as an arbitrary pfn.
 */
#include <linux/mm.h>
#include <linux/rcupdate.h>

#define __section(s) __attribute__((__section__(s)))
#define __init __section(".init.text")

static bool pfn_is_reserved(unsigned long pfn)
{
	if (!pfn_active(pfn))
		return false;
	return PageReserved(pfn_to_page(pfn));
}

unsigned long count_reserved(unsigned long spfn, unsigned long epfn)
{
	unsigned long pfn, n = 0;

	for (pfn = spfn; pfn < epfn; pfn++) {
		rcu_read_lock();
		n += pfn_is_reserved(pfn);
		rcu_read_unlock();
	}
	return n;
}

static void reserve_one(unsigned long pfn)
{
	SetPageReserved(pfn_to_page(pfn));
}

static void __init reserve_range(unsigned long spfn, unsigned long epfn)
{
	unsigned long pfn;

	for (pfn = spfn; pfn < epfn; pfn++)
		reserve_one(pfn);
}

void __init reserve_low(void)
{
	reserve_range(0, 16);
	reserve_one(16);
}
