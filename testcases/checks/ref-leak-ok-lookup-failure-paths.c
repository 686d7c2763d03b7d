/*
 * page-ref-leak, negative. The failure paths of lookups and speculative
 * references hold nothing: find_get_page() returning NULL,
 * read_mapping_page() returning an ERR_PTR (IS_ERR), find_lock_page() checked
 * with IS_ERR_OR_NULL(), and get_page_unless_zero() / try_get_page()
 * failing. Every success path drops its reference.
 */
#include <linux/mm.h>
#include <linux/pagemap.h>

int lookup_paths(struct address_space *mapping, pgoff_t index)
{
	struct page *a, *b, *c;
	int ret = 0;

	a = find_get_page(mapping, index);
	if (!a)
		return -ENOENT;
	put_page(a);

	b = read_mapping_page(mapping, index, NULL);
	if (IS_ERR(b))
		return PTR_ERR(b);
	ret += PageDirty(b);
	put_page(b);

	c = find_lock_page(mapping, index + 1);
	if (IS_ERR_OR_NULL(c))
		return ret;
	unlock_page(c);
	put_page(c);
	return ret;
}

int speculative_paths(struct page *page, struct page *other)
{
	int ret;

	if (!get_page_unless_zero(page))
		return -EBUSY;
	ret = PageLRU(page);
	put_page(page);

	if (!try_get_page(other))
		return -EAGAIN;
	ret += PageLRU(other);
	put_page(other);
	return ret;
}
