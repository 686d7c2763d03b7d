/* The language server: one context, the message loop and the dispatch of
 * requests and notifications.  Single-threaded: before each analysis all
 * input already waiting is handled (changes to one file coalesce into one
 * analysis), and a result is dropped if its document changed while it was
 * being analysed, so edits supersede analyses. */
#ifndef PAGELIFE_LSP_SERVER_H
#define PAGELIFE_LSP_SERVER_H

#include "documents.h"
#include "transport.h"

struct lsp_server {
	struct pagelife_session *session;
	struct lsp_transport io;
	struct lsp_documents docs;
	const char *compdb_dir;  /* --compile-commands-dir, or NULL: search */
	char *docs_base;         /* URI prefix of the checks' docs */
	int warned_no_compdb;    /* the showMessage is sent once */
	int shutdown, exiting;
};

/* Serve until exit or end of input; the process exit status (0 after
 * shutdown then exit, else 1, as the protocol asks). */
int server_run(struct lsp_server *sv);

#endif
