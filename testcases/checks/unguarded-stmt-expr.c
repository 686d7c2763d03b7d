/*
 * page-unguarded-deref, positive. A GNU statement expression with its own
 * local page pointer, as kernel helper macros write them; the value of the
 * statement expression is a flag test on the arbitrary page.
 */
#include <linux/mm.h>

#define pfn_is_head(pfn) ({					\
	struct page *__p = pfn_to_page(pfn);			\
	PageHead(__p);						\
})

bool head_at(unsigned long pfn)
{
	bool head;

	head = ({ struct page *__p = pfn_to_page(pfn);		/* expect-note: {{page obtained here from pfn_to_page()}} */
		  PageHead(__p); });				/* expect-warning: page-unguarded-deref {{'__p' comes from an arbitrary pfn and is used by PageHead()}} */
	return head;
}

bool head_at_macro(unsigned long pfn)
{
	return pfn_is_head(pfn);	/* expect-warning: page-unguarded-deref {{comes from an arbitrary pfn and is used by PageHead()}} expect-note: {{page obtained here from pfn_to_page()}} */
}
