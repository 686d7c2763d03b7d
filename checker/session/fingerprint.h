/* Fingerprints: an identity for each finding that survives unrelated edits
 * (lines moving, other functions changing), for baselines and code
 * scanning.  Computed while the TU is still parsed. */
#ifndef PAGELIFE_FINGERPRINT_H
#define PAGELIFE_FINGERPRINT_H

#include <clang-c/Index.h>
#include <stddef.h>

#include "pagelife.h"

/* Fill findings[i].fingerprint (16 hex digits) for every finding of out.
 * args are the TU's libclang arguments: a -working-directory in them is
 * the root file paths are made relative to (else the current directory). */
void fingerprint_findings(CXTranslationUnit tu, const char *const *args, size_t nargs, struct pagelife_result *out);

/* The path as it enters a fingerprint: relative to root when under it,
 * without a leading "./".  Caller frees. */
char *fingerprint_path(const char *file, const char *root);

/* The statement around byte offset off of file, as its tokens joined by
 * single spaces (comments dropped); "" when no statement contains it.
 * Caller frees. */
char *fingerprint_statement_text(CXTranslationUnit tu, const char *file, unsigned off);

/* The root paths are made relative to: the last -working-directory of
 * args, else the current directory.  Caller frees. */
char *fingerprint_root(const char *const *args, size_t nargs);

/* A fingerprint from its parts (any may be ""); occurrence tells apart
 * findings whose parts are all equal.  Caller frees. */
char *fingerprint_make(const char *check, const char *path, const char *function, const char *text,
		       const char *origin, unsigned occurrence);

#endif
