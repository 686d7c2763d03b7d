/*
 * page-ref-leak, negative. Two allocations with a goto unwind ladder that
 * frees in reverse order on every failure; on success both pages go into
 * the caller's object. __get_free_page() memory (an address, freed with
 * free_page()) is freed on all paths too.
 */
#include <linux/mm.h>

struct dbuf {
	struct page *rx;
	struct page *tx;
};

extern int hw_attach(struct dbuf *db);

int dbuf_init(struct dbuf *db)
{
	struct page *rx, *tx;
	unsigned long scratch;
	int ret;

	rx = alloc_page(GFP_KERNEL);
	if (!rx)
		return -ENOMEM;
	tx = alloc_page(GFP_KERNEL);
	if (!tx) {
		ret = -ENOMEM;
		goto err_rx;
	}
	scratch = __get_free_page(GFP_KERNEL);
	if (!scratch) {
		ret = -ENOMEM;
		goto err_tx;
	}
	db->rx = rx;
	db->tx = tx;
	ret = hw_attach(db);
	free_page(scratch);
	return ret;

err_tx:
	__free_page(tx);
err_rx:
	__free_page(rx);
	return ret;
}
