/* The summary pass's second filter: only TUs whose own text defines a
 * non-static function that takes or returns pages. */
#ifndef PAGELIFE_PAGE_SIGNATURES_H
#define PAGELIFE_PAGE_SIGNATURES_H

#include <stddef.h>

#include "pagelife.h"

/* Whether C text (n bytes, kernel style: a function body opens with `{` in
 * column 0) defines a function without `static` whose declarator names a
 * page type. Comments and literals are ignored. */
int text_defines_page_function(const char *text, size_t n);

/* Keep the jobs whose main file defines such a function (an unreadable
 * file is kept: the parse reports it); the number dropped. */
size_t page_signature_jobs(struct pagelife_commands *jobs);

#endif
