/* A pagelife_result as one JSON text, to carry it from a worker process to
 * the parent unchanged (every field, so output is the same as in-process). */
#ifndef PAGELIFE_RESULT_WIRE_H
#define PAGELIFE_RESULT_WIRE_H

#include "pagelife.h"

/* malloc'ed JSON text. */
char *result_to_wire(const struct pagelife_result *r);
/* 0, or -1 if text is not a result this version wrote (r is then empty). */
int result_from_wire(const char *text, size_t len, struct pagelife_result *r);

#endif
