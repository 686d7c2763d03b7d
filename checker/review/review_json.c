/* The report as one JSON document: the patches in order, each with its
 * commit, subject, TUs and the findings it added and removed. */
#include "review_ctx.h"

#include <jansson.h>
#include <stdlib.h>

static json_t *finding_json(const struct review_finding *f)
{
	json_t *notes = json_array();
	for (size_t i = 0; i < f->nnotes; i++)
		json_array_append_new(notes, json_pack("{s:s, s:I, s:I, s:s}", "file", f->notes[i].file, "line",
						       (json_int_t)f->notes[i].line, "column",
						       (json_int_t)f->notes[i].column, "message", f->notes[i].text));
	return json_pack("{s:s, s:s, s:I, s:I, s:s, s:s, s:s, s:o}", "check", f->check, "file", f->file, "line",
			 (json_int_t)f->line, "column", (json_int_t)f->column, "function", f->function, "message",
			 f->message, "fingerprint", f->key, "notes", notes);
}

void review_print_json(const struct review_ctx *c, FILE *out)
{
	json_t *patches = json_array();
	for (size_t i = 0; i < c->npatches; i++) {
		const struct review_patch *p = &c->patches[i];
		json_t *tus = json_array(), *added = json_array(), *removed = json_array();
		for (size_t t = 0; t < p->ntus; t++)
			json_array_append_new(tus, json_string(c->tus[p->tus[t]].rel));
		for (size_t k = 0; k < p->nadded; k++)
			json_array_append_new(added, finding_json(&p->added[k]));
		for (size_t k = 0; k < p->nremoved; k++)
			json_array_append_new(removed, finding_json(&p->removed[k]));
		json_array_append_new(patches, json_pack("{s:s, s:s, s:s, s:o, s:o, s:o}", "commit", p->commit, "parent",
							 p->parent, "subject", p->subject, "tus", tus, "added", added,
							 "removed", removed));
	}
	json_t *doc = json_pack("{s:s, s:o}", "tool", "pagelife review", "patches", patches);
	char *s = json_dumps(doc, JSON_INDENT(2));
	fprintf(out, "%s\n", s);
	free(s);
	json_decref(doc);
}
