/* The base's compile database, pointed at a temporary checkout: paths under
 * the source root (the file, the directory, -I and -include paths) are
 * rewritten onto the checkout, so a tree that was never built analyses with
 * the flags of the tree that was. */
#ifndef PAGELIFE_COMPDB_MAP_H
#define PAGELIFE_COMPDB_MAP_H

#include <stddef.h>

#include "pagelife.h"

/* cmd's file and libclang arguments with source_root mapped onto checkout.
 * An include directory under the root is searched first in the checkout,
 * then in the root itself, for headers a build generates and git does not
 * track (include/generated/ in a kernel tree).  *file and *args are
 * malloc'ed; free with free() and pagelife_free_args(). */
void compdb_map(const struct pagelife_command *cmd, const char *source_root, const char *checkout, char **file,
		char ***args, size_t *nargs);

#endif
