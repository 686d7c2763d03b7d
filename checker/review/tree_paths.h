/* Paths of a source tree and of its temporary checkouts. */
#ifndef PAGELIFE_TREE_PATHS_H
#define PAGELIFE_TREE_PATHS_H

/* base/path (path itself when absolute or base is NULL), with "." and ".."
 * components removed lexically.  Caller frees. */
char *path_join_normal(const char *base, const char *path);

/* path relative to root when it lies under it, else NULL (not malloc'ed: a
 * pointer into path). */
const char *path_under(const char *path, const char *root);

int path_exists(const char *path);

#endif
