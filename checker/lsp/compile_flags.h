/* Compiler flags for a file the editor opened, found as clangd finds them:
 * the nearest compile_commands.json in the file's directory or an ancestor
 * (or ANCESTOR/build/), or the one in --compile-commands-dir.  Fallback
 * when no database has the file: the nearest compile_flags.txt (one flag
 * per line), else no flags at all. */
#ifndef PAGELIFE_LSP_COMPILE_FLAGS_H
#define PAGELIFE_LSP_COMPILE_FLAGS_H

#include <stddef.h>

enum flags_source { FLAGS_COMPDB, FLAGS_TXT, FLAGS_NONE };

struct file_flags {
	char **args;   /* libclang arguments; free with pagelife_free_args() */
	size_t nargs;
	enum flags_source source;
	char *where;   /* the database's or compile_flags.txt's directory; NULL with FLAGS_NONE */
};

/* compdb_dir: --compile-commands-dir, or NULL to search up from path. */
void compile_flags_for(const char *path, const char *compdb_dir, struct file_flags *out);
void file_flags_free(struct file_flags *f);

#endif
