/* What makes two findings in two states of a tree "the same finding". */
#ifndef PAGELIFE_REVIEW_KEY_H
#define PAGELIFE_REVIEW_KEY_H

#include "pagelife.h"

/* The finding's fingerprint when the library computed one; until then a
 * stand-in with no line numbers in it: check id, the file relative to the
 * source root (rel_file), the function and the message.  Caller frees. */
char *review_key(const struct pagelife_finding *f, const char *rel_file);

#endif
