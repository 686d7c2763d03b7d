/* pagelife.h: the pagelife library, the one header every front door (the
 * command line, the language server, the reviewer) uses.
 *
 *   struct pagelife_session *s;
 *   char *err;
 *   struct pagelife_config cfg = { .policy = PAGELIFE_POLICY_MAINLINE };
 *   if (pagelife_session_open(&cfg, &s, &err)) { report err; free(err); }
 *   struct pagelife_result r;
 *   pagelife_analyse(s, "mm/x.c", args, nargs, NULL, 0, &r);
 *   ... r.findings[0 .. r.nfindings) ...
 *   pagelife_result_free(&r);
 *   pagelife_session_close(s);
 *
 * A session is read-only once open: several threads may analyse with it at
 * once.  The library never prints and never exits; errors come back as
 * malloc'ed one-line messages the caller frees.  (Running out of memory
 * aborts, as libclang does.) */
#ifndef PAGELIFE_H
#define PAGELIFE_H

#include <stddef.h>

/* "0.1.0" */
const char *pagelife_version(void);

/* ---- the session: rules, policy, enabled checks ------------------------ */

enum pagelife_policy {
	PAGELIFE_POLICY_MAINLINE, /* pfn_to_online_page() is a guard */
	PAGELIFE_POLICY_STRICT,   /* only references, pins, the hotplug lock, RCU + pfn_active() */
};

struct pagelife_config {
	const char *rules_dir;           /* built-in rules; NULL: pagelife_default_rules_dir() */
	const char *const *extra_rules;  /* more files or directories; later ones win */
	size_t nextra_rules;
	enum pagelife_policy policy;
	const char *checks;              /* globs as --checks= ("-*,page-rcu-escape"); NULL: all */
	int dump_cfg;                    /* fill pagelife_result.cfg_dump (debugging) */
	int warn_unused_suppressions;    /* a NOLINT that silenced nothing is a finding */
	size_t function_memory;          /* bytes the analysis of one function may hold in
					  * states; past it, a coarser analysis (counted in
					  * pagelife_result.coarse / .skipped); 0: 512 MiB */
	/* Summaries of functions defined in other TUs, used for calls that have
	 * no rule and no definition in the TU analysed.  Copied at open. */
	const struct pagelife_summary *summaries;
	size_t nsummaries;
	int summarise;                   /* pagelife_analyse() fills pagelife_result.summaries
					  * with the TU's non-static functions and finds nothing */
};

/* A summary of a function defined in another TU: what it does to its page
 * arguments and its result, as the rule text pagelife_analyse() wrote with
 * pagelife_config.summarise (see docs/design.md, "Cross-TU summaries"). */
struct pagelife_summary {
	char *name;  /* the function */
	char *rule;  /* one line; its format is pagelife_summary_format() */
};

/* The format of pagelife_summary.rule; summaries of another format are refused. */
const char *pagelife_summary_format(void);

struct pagelife_session;

/* 0, or -1 with *err set (a malformed rules file names its file and line). */
int pagelife_session_open(const struct pagelife_config *cfg, struct pagelife_session **out, char **err);
void pagelife_session_close(struct pagelife_session *s);

/* The API names of the session's rules whose calls can make a tracked page
 * (sources, acquisitions, releases, GUP; exact names and fnmatch() globs):
 * a function that reaches none of them cannot hold a finding.  And the
 * rules files loaded, in load order.  What a front door needs to prefilter
 * TUs and key a result cache.  Both arrays belong to the session. */
size_t pagelife_rule_names(const struct pagelife_session *s, const char *const **names);
size_t pagelife_rule_files(const struct pagelife_session *s, const char *const **files);

/* $PAGELIFE_RULES_DIR, else rules/ next to the installed or built binary,
 * else the source tree's; NULL if none exists.  Caller frees. */
char *pagelife_default_rules_dir(void);

/* The checks pagelife knows, in a fixed order. */
size_t pagelife_check_count(void);
const char *pagelife_check_id(size_t i);
const char *pagelife_check_summary(size_t i);
/* A paragraph saying what the check finds and why it matters. */
const char *pagelife_check_description(size_t i);
int pagelife_check_enabled(const struct pagelife_session *s, size_t i);
/* The static string a finding's check field holds for id (a check id, or
 * PAGELIFE_UNUSED_SUPPRESSION); NULL if pagelife reports no such id.  For
 * front doors that read findings back (worker results, caches). */
const char *pagelife_check_intern(const char *id);
/* Apply a --checks= list of globs to enabled[pagelife_check_count()]
 * (1 = on).  0, or -1 with *err naming a pattern that matches no check. */
int pagelife_select_checks(const char *spec, unsigned char *enabled, char **err);

/* ---- findings ---------------------------------------------------------- */

struct pagelife_location {
	char *file;
	unsigned line, column;  /* 1-based; column counts bytes */
	unsigned offset;        /* byte offset in the file */
};

struct pagelife_note {
	struct pagelife_location loc;
	char *text;
};

/* Replace the bytes [begin, end) of one file with replacement. */
struct pagelife_fixit {
	struct pagelife_location begin, end;
	char *replacement;
};

/* The check id of the findings warn_unused_suppressions adds. */
#define PAGELIFE_UNUSED_SUPPRESSION "unused-suppression"

/* NOLINT and NOLINTNEXTLINE comments (clang-tidy's convention) in the main
 * file silence findings on their line; see docs/usage.md. */
struct pagelife_finding {
	const char *check;               /* a check id; static */
	struct pagelife_location loc;
	char *function;                  /* the function it is in */
	char *message;
	struct pagelife_note *notes;     /* where the page came from, where its guarantee ended */
	size_t nnotes;
	struct pagelife_fixit *fixits;   /* a mechanical fix, when there is one */
	size_t nfixits;
	char *fingerprint;               /* stable across unrelated edits; NULL if not computed */
};

struct pagelife_result {
	struct pagelife_finding *findings; /* sorted by location, one per check/function/page */
	size_t nfindings;
	char *error;     /* the first compiler error, one line; NULL if the TU parsed cleanly */
	int fatal;       /* nothing could be analysed (error says why) */
	size_t functions, unconverged, one_path; /* analysis statistics */
	size_t coarse;   /* functions over their memory share: one pass, one state per block */
	size_t skipped;  /* functions too large even for that: not analysed */
	char **includes; /* the files the TU included (once per inclusion), as clang names them */
	size_t nincludes;
	char *cfg_dump;  /* with pagelife_config.dump_cfg */
	struct pagelife_summary *summaries; /* with pagelife_config.summarise */
	size_t nsummaries;
};

void pagelife_result_free(struct pagelife_result *r);

/* ---- analysing translation units --------------------------------------- */

/* A buffer that replaces a file's contents on disk (an editor's unsaved text). */
struct pagelife_unsaved {
	const char *filename;
	const char *contents;
	unsigned long length;
};

/* Parse and analyse one TU.  args are libclang arguments (compiler flags
 * without the compiler, the source or the output: see
 * pagelife_compile_commands_load() and pagelife_filter_flags()).  Returns 0
 * when the TU was analysed, -1 when it was not (out->error says why); out
 * is filled in both cases. */
int pagelife_analyse(struct pagelife_session *s, const char *file, const char *const *args, size_t nargs,
		     const struct pagelife_unsaved *unsaved, size_t nunsaved, struct pagelife_result *out);

/* A TU kept parsed between analyses (editors): the first analysis parses
 * it, later ones reparse with the precompiled preamble, which is much
 * faster when only the main file changed.  One thread at a time per TU. */
struct pagelife_tu;
struct pagelife_tu *pagelife_tu_open(struct pagelife_session *s, const char *file, const char *const *args,
				     size_t nargs);
int pagelife_tu_analyse(struct pagelife_tu *tu, const struct pagelife_unsaved *unsaved, size_t nunsaved,
			struct pagelife_result *out);
/* With 0, later analyses leave pagelife_result.includes empty: walking every
 * inclusion of a kernel TU is about a tenth of a re-check, and editors do
 * not need the list.  On by default. */
void pagelife_tu_set_includes(struct pagelife_tu *tu, int on);
void pagelife_tu_close(struct pagelife_tu *tu);

/* ---- compiler flags ----------------------------------------------------- */

struct pagelife_command {
	char *file;       /* as the database names it */
	char *directory;  /* working directory of the compile, or NULL */
	char **args;      /* libclang arguments (filtered) */
	size_t nargs;
};

struct pagelife_commands {
	struct pagelife_command *v;
	size_t n;
};

/* Read DIR/compile_commands.json; with files, keep only those (each must be
 * in the database).  0, or -1 with *err set. */
int pagelife_compile_commands_load(const char *dir, const char *const *files, size_t nfiles,
				   struct pagelife_commands *out, char **err);
void pagelife_commands_free(struct pagelife_commands *c);

/* Compiler flags as a build passes them (no compiler name, no source) to
 * libclang arguments: drops what clang rejects or what writes files, adds
 * what pagelife always needs.  *out is a malloc'ed array of malloc'ed
 * strings; free it with pagelife_free_args(). */
void pagelife_filter_flags(const char *const *in, size_t n, char ***out, size_t *nout);
void pagelife_free_args(char **args, size_t n);

#endif
