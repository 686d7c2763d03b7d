/* A whole pagelife_result as JSON and back (findings with notes, fix-its and
 * fingerprints, the error, statistics, included files): what the result
 * cache stores.  Not a report format: report/json.c is the one users read. */
#ifndef PAGELIFE_RESULT_JSON_H
#define PAGELIFE_RESULT_JSON_H

#include <jansson.h>

#include "pagelife.h"

json_t *result_to_json(const struct pagelife_result *r);
/* 0, or -1 if the JSON does not describe a result (out is then empty). */
int result_from_json(const json_t *j, struct pagelife_result *out);

#endif
