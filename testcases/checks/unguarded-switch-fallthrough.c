/*
 * page-unguarded-deref, positive. A switch where one case takes a reference
 * and falls through into the next, which is also reachable directly without
 * a reference; the default case returns. The use in the shared case is
 * unsafe on the direct path.
 */
/* pagelife-args: --checks=-page-ref-leak
 * (this case is about page-unguarded-deref; its references are not the point) */
#include <linux/mm.h>

enum peek_mode { PEEK_REF, PEEK_RAW, PEEK_NONE };

int peek_dirty(unsigned long pfn, enum peek_mode mode)
{
	struct page *page = pfn_to_page(pfn);	/* expect-note: {{page obtained here from pfn_to_page()}} */
	int ret;

	switch (mode) {
	case PEEK_REF:
		if (!get_page_unless_zero(page))
			return -EBUSY;
		fallthrough;
	case PEEK_RAW:
		ret = PageDirty(page);		/* expect-warning: page-unguarded-deref {{'page' comes from an arbitrary pfn and is used by PageDirty()}} */
		break;
	case PEEK_NONE:
		ret = 0;
		break;
	default:
		return -EINVAL;
	}
	return ret;
}
