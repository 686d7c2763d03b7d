/* One JSON object per finding and line (JSON Lines), so TUs stream in order. */
#include "report.h"

#include <jansson.h>
#include <stdlib.h>

static void json_tu(struct report *r, const char *file, const struct pagelife_result *res)
{
	for (size_t i = 0; i < res->nfindings; i++) {
		const struct pagelife_finding *f = &res->findings[i];
		json_t *notes = json_array();
		for (size_t j = 0; j < f->nnotes; j++)
			json_array_append_new(notes, json_pack("{s:s, s:I, s:I, s:s}", "file", f->notes[j].loc.file, "line",
							       (json_int_t)f->notes[j].loc.line, "column",
							       (json_int_t)f->notes[j].loc.column, "message",
							       f->notes[j].text));
		json_t *o = json_pack("{s:s, s:s, s:I, s:I, s:s, s:s, s:o}", "check", f->check, "file", f->loc.file, "line",
				      (json_int_t)f->loc.line, "column", (json_int_t)f->loc.column, "function",
				      f->function, "message", f->message, "notes", notes);
		if (f->fingerprint)
			json_object_set_new(o, "fingerprint", json_string(f->fingerprint));
		json_object_set_new(o, "tu", json_string(file)); /* pagelife merge orders shards by it */
		char *s = json_dumps(o, JSON_COMPACT);
		fprintf(r->out, "%s\n", s);
		free(s);
		json_decref(o);
	}
}

const struct report_ops report_json_ops = { json_tu, NULL };
