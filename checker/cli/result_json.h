/* A whole pagelife_result as JSON and back (every field), for the worker
 * processes' results and the result cache.  Not a report format:
 * report/json.c is the one users read. */
#ifndef PAGELIFE_RESULT_JSON_H
#define PAGELIFE_RESULT_JSON_H

#include <jansson.h>

#include "pagelife.h"

json_t *result_to_json(const struct pagelife_result *r);
/* 0, or -1 if the JSON is not a result this version wrote (out is then
 * empty; a cache entry of an older layout is a miss). */
int result_from_json(const json_t *j, struct pagelife_result *out);

/* The same as one compact JSON text (malloc'ed), and back. */
char *result_to_text(const struct pagelife_result *r);
int result_from_text(const char *text, size_t len, struct pagelife_result *r);

#endif
