/* Report formats: one interface, one file per format.  Built on pagelife.h
 * only; the command line, the reviewer and `pagelife merge` share it.
 *
 *   struct report *r = report_open(REPORT_TEXT, stdout);
 *   report_tu(r, "mm/x.c", &result);   (once per TU, in a fixed order)
 *   report_close(r);                   (formats that need the whole run
 *                                       write it here: SARIF) */
#ifndef PAGELIFE_REPORT_H
#define PAGELIFE_REPORT_H

#include <stdio.h>

#include "pagelife.h"

enum report_format { REPORT_TEXT, REPORT_JSON, REPORT_SARIF };

struct report;

struct report_ops {
	void (*tu)(struct report *r, const char *file, const struct pagelife_result *res);
	void (*close)(struct report *r);
};

struct report {
	const struct report_ops *ops;
	FILE *out;
	void *state; /* the format's own */
};

/* "text", "json", "sarif" -> format; -1 if unknown. */
int report_format_parse(const char *name, enum report_format *out);
struct report *report_open(enum report_format fmt, FILE *out);
void report_tu(struct report *r, const char *file, const struct pagelife_result *res);
void report_close(struct report *r);

extern const struct report_ops report_text_ops, report_json_ops, report_sarif_ops;
/* SARIF keeps the whole run: its state is made at open. */
void report_sarif_init(struct report *r);

#endif
