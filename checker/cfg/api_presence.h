/* API presence: which of the names that rules `requires:` a translation
 * unit declares.  A rule whose premise needs an API the TU lacks (net_iov
 * on a kernel that has none) is skipped there. */
#ifndef PAGELIFE_API_PRESENCE_H
#define PAGELIFE_API_PRESENCE_H

#include <clang-c/Index.h>

#include "rules.h"

/* One byte per rules->api_names entry: 1 if the TU declares that name (a
 * function, a typedef, a struct/union/enum tag, a variable or an
 * enumerator at file scope).  NULL when no rule requires anything; free()
 * the result. */
unsigned char *api_presence(CXTranslationUnit tu, const struct rules *rules);

/* Sets present[i] for the names this walk over the TU's file-scope
 * declarations finds, leaving the others as they are.  A TU reparsed with
 * a reused precompiled preamble under an index that excludes the
 * preamble's declarations walks only the main file's: such a caller keeps
 * the bytes of the first (full) walk and adds each later one. */
void api_presence_add(CXTranslationUnit tu, const struct rules *rules, unsigned char *present);

#endif
