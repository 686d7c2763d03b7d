/*
 * page-ref-leak, positive (folio). filemap_get_folio() (NULL on a miss in
 * 6.1) and a locked-folio early return: the !uptodate path unlocks the
 * folio but forgets folio_put().
 */
#include <linux/mm.h>
#include <linux/pagemap.h>

extern int folio_parse(struct folio *folio);

int parse_cached_folio(struct address_space *mapping, pgoff_t index)
{
	struct folio *folio;
	int ret;

	folio = filemap_get_folio(mapping, index);	/* expect-note: {{reference taken here}} */
	if (!folio)
		return -ENOENT;
	folio_lock(folio);
	if (!folio_test_uptodate(folio)) {
		folio_unlock(folio);
		return -EIO;	/* expect-warning: page-ref-leak {{reference to 'folio' taken by filemap_get_folio() is not released on this path}} */
	}
	ret = folio_parse(folio);
	folio_unlock(folio);
	folio_put(folio);
	return ret;
}
