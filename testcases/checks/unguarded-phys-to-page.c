/*
 * page-unguarded-deref, positive. A physical address read from a device
 * register or a crash-dump record is arbitrary (seed
 * rust-page-borrow-physaddr-crashdump: pages borrowed by physaddr are only
 * safe when known allocated or pinned). phys_to_page() of it gives an
 * arbitrary page; mapping it with kmap_local_page() is a use.
 */
#include <linux/mm.h>
#include <linux/highmem.h>

struct dump_record {
	phys_addr_t phys;
	unsigned int len;
};

void dump_one(const struct dump_record *rec, void *dst)
{
	struct page *page = phys_to_page(rec->phys);	/* expect-note: {{page obtained here from phys_to_page()}} */
	void *src;

	src = kmap_local_page(page);			/* expect-warning: page-unguarded-deref {{'page' comes from an arbitrary}} */
	*(char *)dst = *(char *)src;
	kunmap_local(src);
}
