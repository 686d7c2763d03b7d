/*
 * page-longterm-movable, positive. drm_gem_get_pages() style (the drm-shmem
 * path drm/asahi pins GEM objects through): each shmem folio is read with
 * shmem_read_folio_gfp() and its pages are kept in obj->pages[] until the
 * object is destroyed. Seed rust-page-borrow-physaddr-crashdump, David
 * Hildenbrand: "So we grab another folio reference via shmem_read_folio_gfp()
 * ... Hm, I wonder if we might end up holding folios residing in
 * ZONE_MOVABLE/MIGRATE_CMA longer than we should. Compared to
 * memfd_pin_folios(), which simulates FOLL_LONGTERM and makes sure to migrate
 * pages out of ZONE_MOVABLE/MIGRATE_CMA." The page is reached through
 * folio_page(); the second function keeps the folio itself.
 */
#include <linux/mm.h>
#include <linux/shmem_fs.h>

struct gem_object {
	struct address_space *mapping;
	size_t size;
	struct page **pages;
	struct folio **folios;
};

int gem_get_pages(struct gem_object *obj)
{
	long i, npages = obj->size >> PAGE_SHIFT;
	struct folio *folio;

	for (i = 0; i < npages; i++) {
		folio = shmem_read_folio_gfp(obj->mapping, i, GFP_HIGHUSER | __GFP_NOWARN);	/* expect-note: {{reference taken here by shmem_read_folio_gfp() without FOLL_LONGTERM}} */
		if (IS_ERR(folio))
			goto fail;
		obj->pages[i] = folio_page(folio, 0);	/* expect-warning: page-longterm-movable {{a reference to a possibly movable page from shmem_read_folio_gfp() is kept in '->pages[]', which outlives this function}} */
	}
	return 0;
fail:
	while (i--)
		put_page(obj->pages[i]);
	return PTR_ERR(folio);
}

int gem_get_folios(struct gem_object *obj)
{
	long i, nr = obj->size >> PAGE_SHIFT;

	for (i = 0; i < nr; i++) {
		struct folio *folio = shmem_read_folio(obj->mapping, i);	/* expect-note: {{reference taken here by shmem_read_folio() without FOLL_LONGTERM}} */

		if (IS_ERR(folio)) {
			while (i--)
				folio_put(obj->folios[i]);
			return PTR_ERR(folio);
		}
		obj->folios[i] = folio;	/* expect-warning: page-longterm-movable {{a reference to a possibly movable page from shmem_read_folio() is kept in '->folios[]', which outlives this function}} */
	}
	return 0;
}
