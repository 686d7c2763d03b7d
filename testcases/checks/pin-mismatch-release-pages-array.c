/*
 * page-pin-mismatch, positive. An RDMA-style memory registration pins a
 * user buffer long-term into a local page array (pin_user_pages() with
 * FOLL_LONGTERM, CASE 2 of Documentation/core-api/pin_user_pages.rst) and
 * then, after programming the device, drops the batch with release_pages().
 * release_pages() is the batched put_page(): it subtracts 1 per page, not
 * the GUP_PIN_COUNTING_BIAS a pin added. One finding for the whole array,
 * named after the array variable.
 */
#include <linux/mm.h>

#define MAX_BATCH 16

extern int hw_program_pages(void *hw, struct page **pages, long n);

int hw_register_buffer(void *hw, unsigned long uaddr, unsigned long npages)
{
	struct page *pages[MAX_BATCH];
	long ret;
	int err;

	if (npages > MAX_BATCH)
		return -EINVAL;

	ret = pin_user_pages(uaddr, npages, FOLL_WRITE | FOLL_LONGTERM, pages, NULL);	/* expect-note: {{pinned here by pin_user_pages()}} */
	if (ret <= 0)
		return ret ? (int)ret : -EFAULT;

	err = hw_program_pages(hw, pages, ret);
	release_pages(pages, ret);	/* expect-warning: page-pin-mismatch {{'pages' holds a FOLL_PIN pin from pin_user_pages() but is released with release_pages(); release pinned pages with unpin_user_page() or unpin_user_pages()}} */
	return err;
}
