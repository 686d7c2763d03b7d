/* Turning a compiler command line into libclang arguments: drop what clang
 * rejects or what would write files, keep what changes the code seen. */
#ifndef PAGELIFE_FLAGS_H
#define PAGELIFE_FLAGS_H

#include <stddef.h>

struct argv_list {
	char **v;
	size_t n, cap;
};

void argv_push(struct argv_list *a, const char *s);
void argv_free(struct argv_list *a);

/* Filter flags (no compiler name, no source file) into out, and append the
 * flags pagelife always adds. */
void flags_filter(char *const *in, size_t n, struct argv_list *out);

/* Split a shell command line ("command" in compile_commands.json). */
int shell_split(const char *cmd, struct argv_list *out);

#endif
