#include "documents.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

struct lsp_document *documents_find(struct lsp_documents *d, const char *uri)
{
	for (size_t i = 0; i < d->n; i++)
		if (!strcmp(d->v[i]->uri, uri))
			return d->v[i];
	return NULL;
}

static void doc_free(struct lsp_document *doc)
{
	pagelife_tu_close(doc->tu);
	pagelife_result_free(&doc->result);
	file_flags_free(&doc->flags);
	free(doc->uri);
	free(doc->path);
	free(doc->text);
	free(doc);
}

void documents_set_text(struct lsp_document *doc, const char *text, size_t len, long version)
{
	free(doc->text);
	doc->text = xstrndup(text, len);
	doc->len = len;
	doc->version = version;
	doc->dirty = 1;
}

struct lsp_document *documents_open(struct lsp_documents *d, const char *uri, char *path, const char *text,
				    size_t len, long version, struct file_flags *flags)
{
	documents_close(d, uri);
	struct lsp_document *doc = xcalloc(1, sizeof(*doc));
	doc->uri = xstrdup(uri);
	doc->path = path;
	doc->flags = *flags;
	memset(flags, 0, sizeof(*flags));
	doc->result_version = -1;
	documents_set_text(doc, text, len, version);
	VEC_PUSH(d->v, d->n, d->cap, doc);
	return doc;
}

void documents_close(struct lsp_documents *d, const char *uri)
{
	for (size_t i = 0; i < d->n; i++)
		if (!strcmp(d->v[i]->uri, uri)) {
			doc_free(d->v[i]);
			d->v[i] = d->v[--d->n];
			return;
		}
}

struct lsp_document *documents_next_dirty(struct lsp_documents *d)
{
	for (size_t i = 0; i < d->n; i++)
		if (d->v[i]->dirty)
			return d->v[i];
	return NULL;
}

size_t documents_parsed(const struct lsp_documents *d)
{
	size_t n = 0;
	for (size_t i = 0; i < d->n; i++)
		n += d->v[i]->tu != NULL;
	return n;
}

struct pagelife_tu *documents_tu(struct lsp_documents *d, struct lsp_document *doc, struct pagelife_session *s)
{
	doc->last_used = ++d->clock;
	if (doc->tu)
		return doc->tu;
	while (d->max_tus && documents_parsed(d) >= d->max_tus) {
		struct lsp_document *lru = NULL;
		for (size_t i = 0; i < d->n; i++)
			if (d->v[i]->tu && (!lru || d->v[i]->last_used < lru->last_used))
				lru = d->v[i];
		pagelife_tu_close(lru->tu);
		lru->tu = NULL;
	}
	doc->tu = pagelife_tu_open(s, doc->path, (const char *const *)doc->flags.args, doc->flags.nargs);
	pagelife_tu_set_includes(doc->tu, 0);
	return doc->tu;
}

void documents_free(struct lsp_documents *d)
{
	for (size_t i = 0; i < d->n; i++)
		doc_free(d->v[i]);
	free(d->v);
	memset(d, 0, sizeof(*d));
}
