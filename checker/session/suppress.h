/* Suppression comments, clang-tidy's convention: NOLINT on the finding's
 * line, NOLINTNEXTLINE on the line before, each with an optional
 * comma-separated list of check ids (globs) in parentheses; without a list
 * they silence every check.  Read from the main file as clang saw it (an
 * editor's unsaved buffer included). */
#ifndef PAGELIFE_SUPPRESS_H
#define PAGELIFE_SUPPRESS_H

#include <clang-c/Index.h>

#include "pagelife.h"

/* The id of the warning --warn-unused-suppressions adds. */
#define PL_UNUSED_SUPPRESSION PAGELIFE_UNUSED_SUPPRESSION

/* Drop the findings of out that a suppression comment silences.  With
 * warn_unused, add an PL_UNUSED_SUPPRESSION finding for each suppression
 * (or each check named in one) that silenced nothing; enabled[] (per check)
 * keeps quiet about disabled checks.  root as fingerprint_root(). */
void suppress_findings(CXTranslationUnit tu, const unsigned char *enabled, int warn_unused, const char *root,
		       struct pagelife_result *out);

#endif
