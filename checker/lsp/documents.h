/* The files the editor has open: their text, version, flags, last result,
 * and their parsed TUs.  Parsed TUs are large (the preamble of a kernel
 * file is tens of MB), so at most max_tus stay parsed: opening one more
 * drops the least recently analysed (its text stays; it is parsed afresh
 * when next analysed). */
#ifndef PAGELIFE_LSP_DOCUMENTS_H
#define PAGELIFE_LSP_DOCUMENTS_H

#include "compile_flags.h"
#include "pagelife.h"

#include <stddef.h>

struct lsp_document {
	char *uri, *path;
	char *text;
	size_t len;
	long version;
	int dirty;                    /* changed since last analysed */
	struct file_flags flags;
	struct pagelife_tu *tu;       /* NULL: not parsed (yet, or dropped) */
	unsigned long last_used;      /* LRU clock of its last analysis */
	struct pagelife_result result;/* last published (for code actions) */
	long result_version;
};

struct lsp_documents {
	struct lsp_document **v;
	size_t n, cap;
	size_t max_tus;
	unsigned long clock;
};

struct lsp_document *documents_find(struct lsp_documents *d, const char *uri);
/* Opens (or replaces) uri; takes ownership of path and flags. */
struct lsp_document *documents_open(struct lsp_documents *d, const char *uri, char *path, const char *text,
				    size_t len, long version, struct file_flags *flags);
void documents_set_text(struct lsp_document *doc, const char *text, size_t len, long version);
void documents_close(struct lsp_documents *d, const char *uri);
/* A document changed since its last analysis, or NULL. */
struct lsp_document *documents_next_dirty(struct lsp_documents *d);
/* doc's TU, opened if needed; other TUs beyond max_tus are dropped. */
struct pagelife_tu *documents_tu(struct lsp_documents *d, struct lsp_document *doc, struct pagelife_session *s);
size_t documents_parsed(const struct lsp_documents *d);
void documents_free(struct lsp_documents *d);

#endif
