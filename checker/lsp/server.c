#include "server.h"
#include "code_actions.h"
#include "diagnostics.h"
#include "uri.h"
#include "util.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

enum { LSP_METHOD_NOT_FOUND = -32601, LSP_INVALID_REQUEST = -32600 };

static void notify(struct lsp_server *sv, const char *method, json_t *params)
{
	json_t *m = json_pack("{s:s, s:s, s:o}", "jsonrpc", "2.0", "method", method, "params", params);
	transport_write(&sv->io, m);
	json_decref(m);
}

static void reply(struct lsp_server *sv, json_t *id, json_t *result)
{
	json_t *m = json_pack("{s:s, s:O, s:o}", "jsonrpc", "2.0", "id", id, "result", result);
	transport_write(&sv->io, m);
	json_decref(m);
}

static void reply_error(struct lsp_server *sv, json_t *id, int code, const char *msg)
{
	json_t *m = json_pack("{s:s, s:O, s:{s:i, s:s}}", "jsonrpc", "2.0", "id", id, "error", "code", code, "message",
			      msg);
	transport_write(&sv->io, m);
	json_decref(m);
}

static void show_message(struct lsp_server *sv, int type, const char *text)
{
	notify(sv, "window/showMessage", json_pack("{s:i, s:s}", "type", type, "message", text));
}

static int same_file(const char *a, const char *b)
{
	char ra[PATH_MAX], rb[PATH_MAX];
	if (!strcmp(a, b))
		return 1;
	return realpath(a, ra) && realpath(b, rb) && !strcmp(ra, rb);
}

/* Store the result in doc and publish the findings in its file. */
static void publish(struct lsp_server *sv, struct lsp_document *doc, struct pagelife_result *r)
{
	json_t *diags = json_array();
	for (size_t i = 0; i < r->nfindings; i++)
		if (same_file(r->findings[i].loc.file, doc->path))
			json_array_append_new(diags, diagnostic_from_finding(&r->findings[i], doc->text, doc->len,
									     sv->docs_base));
	notify(sv, "textDocument/publishDiagnostics",
	       json_pack("{s:s, s:I, s:o}", "uri", doc->uri, "version", (json_int_t)doc->version, "diagnostics", diags));
	pagelife_result_free(&doc->result);
	doc->result = *r;
	doc->result_version = doc->version;
	if (r->error)
		notify(sv, "window/logMessage", json_pack("{s:i, s:s}", "type", 3, "message", r->error));
}

static void handle(struct lsp_server *sv, json_t *msg);

/* Handle all input already waiting (it may change or close documents). */
static void drain(struct lsp_server *sv)
{
	while (!sv->exiting && transport_pending(&sv->io)) {
		json_t *m;
		int rc = transport_read(&sv->io, &m);
		if (rc == 0) {
			sv->exiting = 1;
			break;
		}
		if (rc > 0) {
			handle(sv, m);
			json_decref(m);
		}
	}
}

static void analyse(struct lsp_server *sv, struct lsp_document *doc)
{
	doc->dirty = 0;
	long version = doc->version;
	char *uri = xstrdup(doc->uri);
	struct pagelife_tu *tu = documents_tu(&sv->docs, doc, sv->session);
	struct pagelife_unsaved u = { doc->path, doc->text, doc->len };
	struct pagelife_result r;
	pagelife_tu_analyse(tu, &u, 1, &r);
	drain(sv); /* edits that came in meanwhile supersede this result */
	doc = documents_find(&sv->docs, uri);
	free(uri);
	if (!doc || doc->dirty || doc->version != version || sv->exiting) {
		pagelife_result_free(&r);
		return;
	}
	publish(sv, doc, &r);
}

static void warn_flags(struct lsp_server *sv, const struct lsp_document *doc)
{
	if (doc->flags.source == FLAGS_COMPDB || sv->warned_no_compdb)
		return;
	sv->warned_no_compdb = 1;
	char *m = xasprintf("pagelife: no compile_commands.json has %s (searched %s); %s%s. Findings can be missing or "
			    "wrong: generate one (kernel: make compile_commands.json, or "
			    "scripts/clang-tools/gen_compile_commands.py) or pass --compile-commands-dir.",
			    doc->path, sv->compdb_dir ? sv->compdb_dir : "its directory and the ones above it",
			    doc->flags.source == FLAGS_TXT ? "using the flags in compile_flags.txt of " : "using no compiler flags",
			    doc->flags.source == FLAGS_TXT ? doc->flags.where : "");
	show_message(sv, 2 /* Warning */, m);
	free(m);
}

static void did_open(struct lsp_server *sv, json_t *p)
{
	const char *uri, *text;
	size_t len;
	json_int_t version = 0;
	if (json_unpack(p, "{s:{s:s, s:s%, s?I}}", "textDocument", "uri", &uri, "text", &text, &len, "version",
			&version))
		return;
	char *path = uri_to_path(uri);
	if (!path)
		return;
	struct file_flags flags;
	compile_flags_for(path, sv->compdb_dir, &flags);
	struct lsp_document *doc = documents_open(&sv->docs, uri, path, text, len, (long)version, &flags);
	warn_flags(sv, doc);
}

static void did_change(struct lsp_server *sv, json_t *p)
{
	const char *uri;
	json_int_t version = 0;
	json_t *changes;
	if (json_unpack(p, "{s:{s:s, s?I}, s:o}", "textDocument", "uri", &uri, "version", &version, "contentChanges",
			&changes))
		return;
	struct lsp_document *doc = documents_find(&sv->docs, uri);
	size_t n = json_array_size(changes);
	if (!doc || !n)
		return;
	/* full synchronisation: the last change holds the whole text */
	json_t *last = json_array_get(changes, n - 1);
	json_t *text = json_object_get(last, "text");
	if (json_is_string(text))
		documents_set_text(doc, json_string_value(text), json_string_length(text), (long)version);
}

static struct lsp_document *doc_of(struct lsp_server *sv, json_t *p)
{
	const char *uri;
	if (json_unpack(p, "{s:{s:s}}", "textDocument", "uri", &uri))
		return NULL;
	return documents_find(&sv->docs, uri);
}

static json_t *capabilities(void)
{
	return json_pack("{s:{s:{s:b, s:i, s:{s:b}}, s:{s:[s]}}, s:{s:s, s:s}}", "capabilities", "textDocumentSync",
			 "openClose", 1, "change", 1 /* Full */, "save", "includeText", 0, "codeActionProvider",
			 "codeActionKinds", "quickfix", "serverInfo", "name", "pagelife", "version", pagelife_version());
}

static void handle_request(struct lsp_server *sv, const char *method, json_t *id, json_t *params)
{
	if (!strcmp(method, "initialize")) {
		reply(sv, id, capabilities());
	} else if (!strcmp(method, "shutdown")) {
		sv->shutdown = 1;
		reply(sv, id, json_null());
	} else if (sv->shutdown) {
		reply_error(sv, id, LSP_INVALID_REQUEST, "the server is shutting down");
	} else if (!strcmp(method, "pagelife/parsedFiles")) {
		/* how many TUs are held parsed (tests and benchmarks of the bound) */
		reply(sv, id, json_integer((json_int_t)documents_parsed(&sv->docs)));
	} else if (!strcmp(method, "textDocument/codeAction")) {
		struct lsp_document *doc = doc_of(sv, params);
		reply(sv, id, doc ? code_actions(doc, params, sv->docs_base) : json_array());
	} else {
		reply_error(sv, id, LSP_METHOD_NOT_FOUND, method);
	}
}

static void handle_notification(struct lsp_server *sv, const char *method, json_t *params)
{
	struct lsp_document *doc;
	if (!strcmp(method, "exit")) {
		sv->exiting = 1;
	} else if (!strcmp(method, "textDocument/didOpen")) {
		did_open(sv, params);
	} else if (!strcmp(method, "textDocument/didChange")) {
		did_change(sv, params);
	} else if (!strcmp(method, "textDocument/didSave")) {
		if ((doc = doc_of(sv, params)))
			doc->dirty = 1;
	} else if (!strcmp(method, "textDocument/didClose")) {
		if ((doc = doc_of(sv, params))) {
			notify(sv, "textDocument/publishDiagnostics",
			       json_pack("{s:s, s:[]}", "uri", doc->uri, "diagnostics"));
			documents_close(&sv->docs, doc->uri);
		}
	} /* initialized, $/cancelRequest, others: nothing to do */
}

static void handle(struct lsp_server *sv, json_t *msg)
{
	const char *method = json_string_value(json_object_get(msg, "method"));
	json_t *id = json_object_get(msg, "id");
	json_t *params = json_object_get(msg, "params");
	if (!method)
		return; /* a response: we send no requests */
	if (id)
		handle_request(sv, method, id, params);
	else
		handle_notification(sv, method, params);
}

int server_run(struct lsp_server *sv)
{
	while (!sv->exiting) {
		struct lsp_document *doc = documents_next_dirty(&sv->docs);
		if (doc && !transport_pending(&sv->io)) {
			analyse(sv, doc);
			continue;
		}
		json_t *m;
		int rc = transport_read(&sv->io, &m);
		if (rc == 0)
			break;
		if (rc > 0) {
			handle(sv, m);
			json_decref(m);
		}
	}
	return sv->shutdown ? 0 : 1;
}
