/* file:// URIs <-> paths (RFC 3986 percent-encoding), as editors send them. */
#ifndef PAGELIFE_LSP_URI_H
#define PAGELIFE_LSP_URI_H

/* NULL if the URI is not a file: URI. Caller frees. */
char *uri_to_path(const char *uri);
char *uri_from_path(const char *path);

#endif
