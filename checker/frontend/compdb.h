/* compile_commands.json: which TUs to check and with which flags. */
#ifndef PAGELIFE_COMPDB_H
#define PAGELIFE_COMPDB_H

#include "flags.h"

struct tu_job {
	char *file;        /* as the user or the database names it */
	char *directory;   /* working directory of the compile, or NULL */
	struct argv_list args; /* filtered libclang arguments */
};

struct tu_jobs {
	struct tu_job *v;
	size_t n, cap;
};

/* Read DIR/compile_commands.json; with files, keep only those (each must be
 * in the database).  -1 with a one-line message on error. */
int compdb_load(const char *dir, char *const *files, size_t nfiles, struct tu_jobs *jobs, char *err, size_t errlen);
void tu_jobs_free(struct tu_jobs *jobs);

#endif
