/* The summary pass's second filter: only TUs whose own text can define a
 * function that takes or returns pages. */
#ifndef PAGELIFE_PAGE_SIGNATURES_H
#define PAGELIFE_PAGE_SIGNATURES_H

#include <stddef.h>

#include "pagelife.h"

/* Whether text (n bytes) names a page or folio type: `struct page`,
 * `struct folio` (with any spacing) or `pgtable_t`, as whole tokens. */
int text_names_page_type(const char *text, size_t n);

/* Keep the jobs whose main file names a page type (an unreadable file is
 * kept: the parse reports it); the number dropped. */
size_t page_signature_jobs(struct pagelife_commands *jobs);

#endif
