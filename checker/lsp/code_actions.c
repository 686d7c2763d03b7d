#include "code_actions.h"
#include "diagnostics.h"
#include "util.h"

#include <stdlib.h>

static json_t *action(const struct lsp_document *doc, const struct pagelife_finding *f, const char *docs_base)
{
	json_t *edits = json_array();
	struct strbuf title = { 0 };
	sb_addf(&title, "pagelife: ");
	for (size_t i = 0; i < f->nfixits; i++) {
		const struct pagelife_fixit *x = &f->fixits[i];
		json_array_append_new(edits, json_pack("{s:o, s:s}", "range", lsp_fixit_range(doc->text, doc->len, x),
						       "newText", x->replacement));
		sb_addf(&title, "%s'%s'", i ? ", " : "write ", x->replacement);
	}
	json_t *changes = json_object();
	json_object_set_new(changes, doc->uri, edits);
	json_t *a = json_pack("{s:s, s:s, s:[o], s:{s:o}, s:b}", "title", title.buf, "kind", "quickfix", "diagnostics",
			      diagnostic_from_finding(f, doc->text, doc->len, docs_base), "edit", "changes", changes,
			      "isPreferred", 1);
	sb_free(&title);
	return a;
}

json_t *code_actions(const struct lsp_document *doc, json_t *params, const char *docs_base)
{
	json_t *out = json_array();
	if (doc->result_version != doc->version)
		return out;
	json_int_t first = 0, last = -1;
	if (json_unpack(params, "{s:{s:{s:I}, s:{s:I}}}", "range", "start", "line", &first, "end", "line", &last))
		return out;
	for (size_t i = 0; i < doc->result.nfindings; i++) {
		const struct pagelife_finding *f = &doc->result.findings[i];
		json_int_t line = (json_int_t)f->loc.line - 1;
		if (f->nfixits && line >= first && line <= last)
			json_array_append_new(out, action(doc, f, docs_base));
	}
	return out;
}
