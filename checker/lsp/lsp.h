/* `pagelife lsp`: the language server front door (docs/editors.md). */
#ifndef PAGELIFE_LSP_H
#define PAGELIFE_LSP_H

/* argv[0] is "lsp"; returns the process exit status. */
int lsp_main(int argc, char **argv);

#endif
