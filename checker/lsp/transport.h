/* LSP base protocol: JSON-RPC messages framed by a Content-Length header,
 * read from a file descriptor with our own buffer so that "is more input
 * waiting?" has an honest answer (edits supersede analyses). */
#ifndef PAGELIFE_LSP_TRANSPORT_H
#define PAGELIFE_LSP_TRANSPORT_H

#include <jansson.h>
#include <stdio.h>

struct lsp_transport {
	int in;
	FILE *out;
	char *buf;
	size_t len, cap; /* buffered bytes [0, len) */
	int eof;
};

void transport_init(struct lsp_transport *t, int in, FILE *out);
void transport_free(struct lsp_transport *t);
/* 1 and *msg (caller decrefs), 0 at end of input, -1 on a malformed frame
 * (the frame is skipped). Blocks until a whole message is there. */
int transport_read(struct lsp_transport *t, json_t **msg);
/* Input is waiting: buffered, or readable without blocking. */
int transport_pending(struct lsp_transport *t);
void transport_write(struct lsp_transport *t, json_t *msg);

#endif
