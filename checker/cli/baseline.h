/* Baselines: the fingerprints of an earlier run, so CI can report (and
 * fail on) only what is new.  The file is JSON:
 *
 *   {"pagelife-baseline": 1,
 *    "findings": [{"fingerprint": "4f0c...", "check": "page-ref-leak",
 *                  "file": "mm/x.c", "function": "f"}, ...]}
 *
 * Only "fingerprint" is read back; the rest is for people reading it. */
#ifndef PAGELIFE_BASELINE_H
#define PAGELIFE_BASELINE_H

#include <stddef.h>

#include "pagelife.h"

struct baseline {
	char **fingerprints; /* sorted */
	size_t n;
};

/* 0, or -1 with a one-line message in err. */
int baseline_load(const char *path, struct baseline *b, char *err, size_t errlen);
int baseline_has(const struct baseline *b, const char *fingerprint);
void baseline_free(struct baseline *b);

/* Collecting this run's findings for --write-baseline. */
struct baseline_writer;
struct baseline_writer *baseline_writer_new(void);
void baseline_writer_add(struct baseline_writer *w, const struct pagelife_finding *f);
/* Writes the file and frees w: 0, or -1 with a message in err. */
int baseline_writer_save(struct baseline_writer *w, const char *path, char *err, size_t errlen);

#endif
