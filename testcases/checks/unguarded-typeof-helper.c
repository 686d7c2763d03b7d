/*
 * page-unguarded-deref, positive. A local helper macro in kernel style with
 * typeof() locals inside a statement expression (like the kernel's min()/
 * swap()), plus the kernel's own swap(): the page flows through the typeof
 * temporaries and is used by PageTail() inside the macro, which is reported
 * at the macro's expansion line.
 */
#include <linux/mm.h>

#define page_is_tail_of(p) ({					\
	typeof(p) __pg = (p);					\
	PageTail(__pg);						\
})

bool tail_check(unsigned long pfn, struct page *other)
{
	struct page *page = pfn_to_page(pfn);	/* expect-note: {{page obtained here from pfn_to_page()}} */

	swap(page, other);
	if (page_is_tail_of(other))		/* expect-warning: page-unguarded-deref {{comes from an arbitrary pfn and is used by PageTail()}} */
		return true;
	return page->flags & 1;
}
