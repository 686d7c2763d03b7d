/* pagelife findings as LSP diagnostics.  The library counts 1-based lines
 * and 1-based byte columns; LSP counts 0-based lines and 0-based UTF-16
 * code units, so columns are converted against the line's text. */
#ifndef PAGELIFE_LSP_DIAGNOSTICS_H
#define PAGELIFE_LSP_DIAGNOSTICS_H

#include <jansson.h>
#include <stddef.h>

#include "pagelife.h"

/* {line, character} for 1-based line and byte column in text. */
json_t *lsp_position(const char *text, size_t len, unsigned line, unsigned column);
/* Range of a fix-it's replacement in text. */
json_t *lsp_fixit_range(const char *text, size_t len, const struct pagelife_fixit *x);

/* The Diagnostic of finding f, which is in the document (text); notes in
 * other files are read from disk.  docs_base: URI prefix of
 * docs/checks/ (codeDescription.href = docs_base + "/" + id + ".md"). */
json_t *diagnostic_from_finding(const struct pagelife_finding *f, const char *text, size_t len,
				const char *docs_base);

#endif
