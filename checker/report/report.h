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
	int parseable_fixits; /* text: fix-it lines in clang's parseable form */
};

/* "text", "json", "sarif" -> format; -1 if unknown. */
int report_format_parse(const char *name, enum report_format *out);
struct report *report_open(enum report_format fmt, FILE *out);
void report_tu(struct report *r, const char *file, const struct pagelife_result *res);
void report_close(struct report *r);

extern const struct report_ops report_text_ops, report_json_ops, report_sarif_ops;
/* SARIF keeps the whole run: its state is made at open. */
void report_sarif_init(struct report *r);

/* One fix-it in clang's -fdiagnostics-parseable-fixits form:
 * fix-it:"file":{l:c-l:c}:"text" (columns 1-based, end exclusive). */
void report_print_fixit(FILE *out, const struct pagelife_fixit *x);

/* --export-fixes=FILE: the findings' fix-its as clang-apply-replacements
 * YAML (clang-tidy's format), written when the export is closed. */
struct fixes_export;
struct fixes_export *fixes_export_open(const char *path);
void fixes_export_tu(struct fixes_export *x, const char *file, const struct pagelife_result *res);
/* 0, or -1 when the file cannot be written. */
int fixes_export_close(struct fixes_export *x);

#endif
