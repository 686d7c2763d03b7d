/* Fix-its: mechanical edits a check attaches to its finding.  Offered only
 * where every byte edited is plain text of the main file: a call written
 * in a macro body or a macro argument gets no fix-it, since an edit there
 * would change every expansion or not be where the reader looks. */
#ifndef PAGELIFE_FIXIT_H
#define PAGELIFE_FIXIT_H

#include "findings.h"

/* Rename the function called at event ev (a direct call) to `to`:
 * put_page(p) -> unpin_user_page(p).  0 if added, -1 if not offered. */
int fixit_rename_call(const struct pl_fn *fn, int ev, const char *to, struct pl_finding *f);

/* Append text after argument arg (0-based) of the call at event ev:
 * pin_user_pages(a, n, FOLL_WRITE, p) -> (a, n, FOLL_WRITE | FOLL_LONGTERM, p).
 * Not offered when the argument holds an operator that binds looser than
 * '|' (?:, &&, ||, assignment), which the appended text would split. */
int fixit_append_to_arg(const struct pl_fn *fn, int ev, int arg, const char *text, struct pl_finding *f);

#endif
