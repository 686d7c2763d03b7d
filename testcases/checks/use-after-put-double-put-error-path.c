/*
 * page-use-after-put, positive (double put). A goto ladder whose error
 * branch drops the reference itself and then jumps to a label that drops it
 * again -- the shape of many "fix double put_page() in error path" commits.
 * The second put_page() frees a page someone else may still hold.
 */
#include <linux/mm.h>
#include <linux/pagemap.h>

extern int parse_header(void *kaddr);

int load_header(struct address_space *mapping)
{
	struct page *page;
	int ret;

	page = read_mapping_page(mapping, 0, NULL);	/* expect-note: {{page obtained here from read_mapping_page()}} */
	if (IS_ERR(page))
		return PTR_ERR(page);
	ret = parse_header(page_address(page));
	if (ret) {
		put_page(page);				/* expect-note: {{reference dropped here}} */
		goto out_put;
	}
	SetPageReferenced(page);
out_put:
	put_page(page);	/* expect-warning: page-use-after-put {{'page' is released again by put_page() after put_page() already dropped this code's reference (double put)}} */
	return ret;
}
