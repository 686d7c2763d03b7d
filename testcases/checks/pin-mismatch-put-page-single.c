/*
 * page-pin-mismatch, positive. A driver converted from get_user_pages_fast()
 * to pin_user_pages_fast() (the FOLL_PIN conversion series of 2020) but the
 * release side still says put_page(). pin_user_pages*() add
 * GUP_PIN_COUNTING_BIAS (1024) to the refcount, so a put_page() drops 1 and
 * leaves the page looking dma-pinned forever, while the page may be freed
 * under whoever holds the remaining count. mm/gup.c: "FOLL_PIN means that the
 * pages must be released via unpin_user_page()".
 */
#include <linux/mm.h>
#include <linux/highmem.h>

int poke_user_word(unsigned long uaddr, u32 val)
{
	struct page *page;
	u32 *kaddr;
	int ret;

	ret = pin_user_pages_fast(uaddr, 1, FOLL_WRITE, &page);	/* expect-note: {{pinned here by pin_user_pages_fast()}} */
	if (ret <= 0)
		return ret ? ret : -EFAULT;

	kaddr = kmap_local_page(page);
	kaddr[(uaddr & ~PAGE_MASK) / sizeof(u32)] = val;
	kunmap_local(kaddr);
	set_page_dirty(page);
	put_page(page);		/* expect-warning: page-pin-mismatch {{'page' holds a FOLL_PIN pin from pin_user_pages_fast() but is released with put_page(); release pinned pages with unpin_user_page() or unpin_user_pages()}} */
	return 0;
}
