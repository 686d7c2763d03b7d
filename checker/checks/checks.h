/* The checks: each reads the engine's page states at uses and reports.
 * Adding a check = one check_*.c file, one line in checks.c, its docs and
 * test cases. */
#ifndef PAGELIFE_CHECKS_H
#define PAGELIFE_CHECKS_H

#include "analysis.h"
#include "findings.h"
#include "observer.h"

struct pl_check {
	const char *id;
	const char *summary;
	void (*on_use)(struct pl_checks_run *run, const struct pl_use *u);
	void (*on_release)(struct pl_checks_run *run, const struct pl_release *r);
	void (*on_store)(struct pl_checks_run *run, const struct pl_store *s);
	void (*on_return)(struct pl_checks_run *run, const struct pl_return *r);
};

extern const struct pl_check *const pl_all_checks[];
extern const size_t pl_num_checks;

/* Apply a --checks= list of globs ("-*,page-rcu-escape") to enabled[].
 * Returns -1 and fills err if a pattern matches no check. */
int checks_select(const char *spec, unsigned char *enabled, char *err, size_t errlen);

/* Helpers for checks */
/* Quoted name of the page in messages: the variable, or 'pfn_to_page()'. */
char *use_subject(const struct pl_fn *fn, CXCursor operand);
/* Name of the function an EV_CALL event calls, "" otherwise. */
const char *event_callee(const struct pl_fn *fn, int ev);
/* Start a finding at an event; add notes with finding_note(). */
struct pl_finding finding_at_event(const struct pl_fn *fn, int ev, int site, const char *check, char *message);
struct pl_finding finding_at(const struct pl_use *u, const char *check, char *message);
void finding_note(const struct pl_fn *fn, struct pl_finding *f, int ev, char *text);
/* When end_ev (where a page's guarantee ended) closed a scope that the
 * function holds only because every caller in the file holds it, a note
 * at the function naming that contract and the callers. */
void note_caller_contract(const struct pl_fn *fn, struct pl_finding *f, int end_ev);

#endif
