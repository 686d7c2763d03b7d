/* Parsing a translation unit with libclang: the options pagelife always
 * uses, a reparse that keeps the precompiled preamble, and the first
 * compiler error as one line. */
#ifndef PAGELIFE_PARSE_H
#define PAGELIFE_PARSE_H

#include <clang-c/Index.h>

#include "pagelife.h"

/* Parse file.  0 with *out set, or -1 with a one-line *error (malloc'ed).
 * keep_preamble: build a precompiled preamble for later reparses. */
int tu_parse(CXIndex index, const char *file, const char *const *args, size_t nargs,
	     const struct pagelife_unsaved *unsaved, size_t nunsaved, int keep_preamble, CXTranslationUnit *out,
	     char **error);
/* Reparse after edits.  0, or -1 with *error: the TU is then unusable. */
int tu_reparse(CXTranslationUnit tu, const struct pagelife_unsaved *unsaved, size_t nunsaved, char **error);

/* "file:line:col: message" of the first error in a file; NULL if none.
 * Driver complaints about unknown flags (no location) are not errors: those
 * flags are dropped. */
char *tu_first_error(CXTranslationUnit tu);

#endif
