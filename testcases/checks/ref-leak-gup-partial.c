/*
 * page-ref-leak, positive. The partial-GUP trap: get_user_pages_fast()
 * returned fewer pages than asked (ret < nr, e.g. the range crosses an
 * unmapped hole). `if (ret <= 0) return ret;` is right -- nothing is held
 * -- but the short-count path returns -EFAULT without releasing the `ret`
 * pages it did get. Fixed all over the tree with
 * `if (ret > 0) release_pages(pages, ret);` or a put_page() loop.
 */
#include <linux/mm.h>

extern int process_pages(struct page **pages, int n);

int map_user_range(unsigned long uaddr, int nr)
{
	struct page *pages[16];
	int ret, i;

	if (nr > 16)
		return -EINVAL;
	ret = get_user_pages_fast(uaddr, nr, FOLL_WRITE, pages);	/* expect-note: {{reference taken here}} */
	if (ret <= 0)
		return ret;
	if (ret < nr)
		return -EFAULT;		/* expect-warning: page-ref-leak {{pages referenced into 'pages' by get_user_pages_fast() are not released on this path}} */
	ret = process_pages(pages, nr);
	for (i = 0; i < nr; i++)
		put_page(pages[i]);
	return ret;
}
