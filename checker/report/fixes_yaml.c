/* --export-fixes: clang-apply-replacements YAML, built as a libfyaml
 * document (clang-tidy's format: MainSourceFile, then Diagnostics each with
 * DiagnosticName and a DiagnosticMessage holding the Replacements). */
#include "report.h"

#include <libfyaml.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

struct fixes_export {
	char *path;
	struct fy_document *doc;
	struct fy_node *diags;
	int main_set;
};

static char *xdup(const char *s)
{
	char *d = strdup(s);
	if (!d)
		abort();
	return d;
}

static struct fy_node *scalar(struct fy_document *d, const char *s)
{
	return fy_node_create_scalar_copy(d, s, strlen(s));
}

static void put(struct fy_node *map, const char *key, struct fy_node *v)
{
	fy_node_mapping_append(map, scalar(fy_node_document(map), key), v);
}

/* clang-apply-replacements resolves relative paths against a build
 * directory we do not record: give it absolute ones. */
static char *absolute(const char *p)
{
	char buf[PATH_MAX];
	return xdup(realpath(p, buf) ? buf : p);
}

struct fixes_export *fixes_export_open(const char *path)
{
	struct fixes_export *x = calloc(1, sizeof(*x));
	if (!x)
		abort();
	x->path = xdup(path);
	x->doc = fy_document_create(NULL);
	struct fy_node *root = fy_node_create_mapping(x->doc);
	fy_document_set_root(x->doc, root);
	x->diags = fy_node_create_sequence(x->doc);
	return x;
}

static struct fy_node *replacement(struct fy_document *d, const struct pagelife_fixit *f)
{
	struct fy_node *r = fy_node_create_mapping(d);
	char *file = absolute(f->begin.file);
	put(r, "FilePath", scalar(d, file));
	free(file);
	put(r, "Offset", fy_node_create_scalarf(d, "%u", f->begin.offset));
	put(r, "Length", fy_node_create_scalarf(d, "%u", f->end.offset - f->begin.offset));
	put(r, "ReplacementText", scalar(d, f->replacement));
	return r;
}

void fixes_export_tu(struct fixes_export *x, const char *file, const struct pagelife_result *res)
{
	struct fy_document *d = x->doc;
	if (!x->main_set) { /* the first TU: one file per run is the common case */
		char *abs = absolute(file);
		put(fy_document_root(d), "MainSourceFile", scalar(d, abs));
		free(abs);
		x->main_set = 1;
	}
	for (size_t i = 0; i < res->nfindings; i++) {
		const struct pagelife_finding *f = &res->findings[i];
		if (!f->nfixits)
			continue;
		struct fy_node *diag = fy_node_create_mapping(d);
		put(diag, "DiagnosticName", scalar(d, f->check));
		struct fy_node *msg = fy_node_create_mapping(d);
		put(msg, "Message", scalar(d, f->message));
		char *abs = absolute(f->loc.file);
		put(msg, "FilePath", scalar(d, abs));
		free(abs);
		put(msg, "FileOffset", fy_node_create_scalarf(d, "%u", f->loc.offset));
		struct fy_node *reps = fy_node_create_sequence(d);
		for (size_t j = 0; j < f->nfixits; j++)
			fy_node_sequence_append(reps, replacement(d, &f->fixits[j]));
		put(msg, "Replacements", reps);
		put(diag, "DiagnosticMessage", msg);
		put(diag, "Level", scalar(d, "Warning"));
		fy_node_sequence_append(x->diags, diag);
	}
}

int fixes_export_close(struct fixes_export *x)
{
	struct fy_node *root = fy_document_root(x->doc);
	if (!x->main_set)
		put(root, "MainSourceFile", scalar(x->doc, ""));
	put(root, "Diagnostics", x->diags);
	int rc = fy_emit_document_to_file(x->doc, FYECF_MODE_JSON,
					  x->path);
	fy_document_destroy(x->doc);
	free(x->path);
	free(x);
	return rc ? -1 : 0;
}
