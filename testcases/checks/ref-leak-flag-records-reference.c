/*
 * page-ref-leak, negative.  A flag records whether the reference was
 * taken, and the release is conditional on it: on the path where the flag
 * is 0 nothing was taken.  Known constants of integer variables keep the
 * two paths apart, so the skipped put is not a leak.  The twin forgets the
 * put on its error path and is reported.
 */
#include <linux/mm.h>
#include <linux/pagemap.h>

extern int consume(struct page *page);

int maybe_read(struct address_space *mapping, int want)
{
	struct page *page = NULL;
	int held = 0;
	int ret = 0;

	if (want) {
		page = find_get_page(mapping, 0);
		if (!page)
			return -ENOENT;
		held = 1;
	}
	if (held)
		ret = PageUptodate(page);
	if (held)
		put_page(page);
	return ret;
}

int maybe_read_leaky(struct address_space *mapping, int want)
{
	struct page *page = NULL;
	int held = 0;

	if (want) {
		page = find_get_page(mapping, 0);	/* expect-note: {{reference taken here}} */
		if (!page)
			return -ENOENT;
		held = 1;
	}
	if (held && PageDirty(page))
		return -EIO;			/* expect-warning: page-ref-leak {{reference to 'page' taken by find_get_page() is not released on this path}} */
	if (held)
		put_page(page);
	return 0;
}
