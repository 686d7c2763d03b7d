/* A summary rule as one line of text and back: how cross-TU summaries are
 * stored (the summary database) and handed to a session.  Only the keys a
 * summary can have (engine/summary.c) are written; the line is
 * "key=value ..." with the enums as numbers, so a database records the
 * format it was written in (RULE_TEXT_FORMAT). */
#ifndef PAGELIFE_RULE_TEXT_H
#define PAGELIFE_RULE_TEXT_H

#include "rules.h"
#include "util.h"

#define RULE_TEXT_FORMAT "pagelife-summary-rule 1"

void rule_text_encode(const struct rule *r, struct strbuf *out);
/* 0 and *out filled (name copied, file set to `from`), or -1 if text is
 * not a rule this format wrote. */
int rule_text_decode(const char *name, const char *text, const char *from, struct rule *out);

#endif
