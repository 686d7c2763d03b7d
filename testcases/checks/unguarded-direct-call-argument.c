/*
 * page-unguarded-deref, positive. The source call is used directly as the
 * argument of a consumer, without a local variable: the message then names
 * the source call ('pfn_to_page()'). The call is split over two lines so the
 * warning (at the use) and the note (at the source) have their own lines.
 */
#include <linux/mm.h>

int pfn_nid(unsigned long pfn)
{
	return page_to_nid(			/* expect-warning: page-unguarded-deref {{'pfn_to_page()' comes from an arbitrary pfn and is used by page_to_nid()}} */
			pfn_to_page(pfn));	/* expect-note: {{page obtained here from pfn_to_page()}} */
}
