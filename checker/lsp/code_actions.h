/* textDocument/codeAction: a quickfix (with a WorkspaceEdit) for each
 * finding of the last analysis that has fix-its and lies on the lines
 * asked about. */
#ifndef PAGELIFE_LSP_CODE_ACTIONS_H
#define PAGELIFE_LSP_CODE_ACTIONS_H

#include <jansson.h>

#include "documents.h"

/* The result array for params; empty when the document changed since its
 * last analysis (the fix-its' positions would be stale). */
json_t *code_actions(const struct lsp_document *doc, json_t *params, const char *docs_base);

#endif
