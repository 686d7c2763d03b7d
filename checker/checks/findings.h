/* Findings of one translation unit: collected during the reporting pass,
 * deduplicated and sorted (session/ hands them out as pagelife.h's). */
#ifndef PAGELIFE_FINDINGS_H
#define PAGELIFE_FINDINGS_H

#include <stddef.h>

#include "cfg.h"
#include "util.h"

#define PL_MAX_NOTES 4
#define PL_MAX_FIXITS 2

struct pl_loc {
	char *file;
	unsigned line, col, offset;
};

struct pl_note {
	struct pl_loc loc;
	char *text;
};

/* Replace the bytes [begin, end) of a file with text (begin == end: insert). */
struct pl_fixit {
	struct pl_loc begin, end;
	char *text;
};

struct pl_finding {
	const char *check;
	struct pl_loc loc;
	char *message;
	struct pl_note notes[PL_MAX_NOTES];
	int nnotes;
	struct pl_fixit fixits[PL_MAX_FIXITS]; /* see fixit.h */
	int nfixits;
	/* dedupe key: one finding per check, function and page object */
	char *fn_name;
	int site;
};

struct pl_findings {
	struct pl_finding *v;
	size_t n, cap;
};

/* Location of an event: calls at the start of their text (the macro name of a
 * macro call), other nodes at their cursor location. */
struct pl_loc event_loc(const struct pl_fn *fn, int ev);
/* Location of a cursor (a declaration's name). */
struct pl_loc cursor_loc(CXCursor c);
void loc_free(struct pl_loc *l);

void findings_add(struct pl_findings *fs, struct pl_finding *f);
/* Keep the first (in source order) finding per key, sort by location. */
void findings_finish(struct pl_findings *fs);
void findings_free(struct pl_findings *fs);

#endif
