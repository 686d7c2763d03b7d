/* Content digests (SHA-256, as hex) for the result cache and the prefilter's
 * name-set cache. */
#ifndef PAGELIFE_DIGEST_H
#define PAGELIFE_DIGEST_H

#include <stddef.h>

#define DIGEST_HEX 65 /* 64 hex digits and a NUL */

void digest_hex(const void *data, size_t n, char out[DIGEST_HEX]);
/* 0, or -1 if the file cannot be read. */
int digest_file(const char *path, char out[DIGEST_HEX]);
/* The whole file, NUL-terminated (*len without the NUL); NULL if unreadable. */
char *read_whole_file(const char *path, size_t *len);
/* Write data to path atomically: a temporary file in the same directory,
 * then rename(), so concurrent readers see the old or the new file, never
 * half of one.  Creates missing directories.  0, or -1. */
int write_file_atomic(const char *path, const char *data, size_t n);

#endif
