/* Running git through its command line (never a shell): each call is a
 * fork/exec of `git -C REPO args...` with stdout captured. */
#ifndef PAGELIFE_GIT_RUN_H
#define PAGELIFE_GIT_RUN_H

#include <stddef.h>

/* Run git in repo with the NULL-terminated args.  *out (if out is not NULL)
 * gets its stdout as a malloc'ed string; stderr goes to ours unless quiet.
 * Returns git's exit status, or -1 if it could not run. */
int git_run(const char *repo, const char *const *args, char **out, int quiet);

/* Like git_run(), and the output with trailing newlines removed; NULL when
 * git fails. */
char *git_line(const char *repo, const char *const *args);

#endif
