/*
 * page-unguarded-deref, positive. kmap(), kmap_atomic() and
 * kmap_local_page() read the page (its address, its highmem state). Three
 * pages from three pfns, three warnings. kunmap_local()/kunmap_atomic() take
 * the address, which is derived from the page and not a new use.
 */
#include <linux/mm.h>
#include <linux/highmem.h>

void copy_pfns(unsigned long dst_pfn, unsigned long src_pfn, unsigned long tmp_pfn)
{
	struct page *dst = pfn_to_page(dst_pfn);	/* expect-note: {{page obtained here from pfn_to_page()}} */
	struct page *src = pfn_to_page(src_pfn);	/* expect-note: {{page obtained here from pfn_to_page()}} */
	struct page *tmp = pfn_to_page(tmp_pfn);	/* expect-note: {{page obtained here from pfn_to_page()}} */
	char *d, *s, *t;

	d = kmap(dst);					/* expect-warning: page-unguarded-deref {{'dst' comes from an arbitrary pfn and is used by kmap()}} */
	s = kmap_local_page(src);			/* expect-warning: page-unguarded-deref {{'src' comes from an arbitrary pfn and is used by kmap_local_page()}} */
	t = kmap_atomic(tmp);				/* expect-warning: page-unguarded-deref {{'tmp' comes from an arbitrary pfn and is used by kmap_atomic()}} */
	d[0] = s[0] + t[0];
	kunmap_atomic(t);
	kunmap_local(s);
	kunmap(dst);
}
