#include "result_json.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

static json_t *loc_json(const struct pagelife_location *l)
{
	return json_pack("{s:s?, s:I, s:I, s:I}", "file", l->file, "line", (json_int_t)l->line, "column",
			 (json_int_t)l->column, "offset", (json_int_t)l->offset);
}

static json_t *finding_json(const struct pagelife_finding *f)
{
	json_t *notes = json_array(), *fixits = json_array();
	for (size_t i = 0; i < f->nnotes; i++)
		json_array_append_new(notes, json_pack("{s:o, s:s?}", "loc", loc_json(&f->notes[i].loc), "text",
						       f->notes[i].text));
	for (size_t i = 0; i < f->nfixits; i++)
		json_array_append_new(fixits, json_pack("{s:o, s:o, s:s?}", "begin", loc_json(&f->fixits[i].begin), "end",
							loc_json(&f->fixits[i].end), "replacement",
							f->fixits[i].replacement));
	return json_pack("{s:s, s:o, s:s?, s:s?, s:o, s:o, s:s?}", "check", f->check, "loc", loc_json(&f->loc),
			 "function", f->function, "message", f->message, "notes", notes, "fixits", fixits,
			 "fingerprint", f->fingerprint);
}

json_t *result_to_json(const struct pagelife_result *r)
{
	json_t *findings = json_array(), *includes = json_array();
	for (size_t i = 0; i < r->nfindings; i++)
		json_array_append_new(findings, finding_json(&r->findings[i]));
	for (size_t i = 0; i < r->nincludes; i++)
		json_array_append_new(includes, json_string(r->includes[i]));
	return json_pack("{s:o, s:s?, s:b, s:I, s:I, s:I, s:o}", "findings", findings, "error", r->error, "fatal",
			 r->fatal, "functions", (json_int_t)r->functions, "unconverged", (json_int_t)r->unconverged,
			 "one_path", (json_int_t)r->one_path, "includes", includes);
}

static char *str_or_null(const json_t *j, const char *key)
{
	const char *s = json_string_value(json_object_get(j, key));
	return s ? xstrdup(s) : NULL;
}

static size_t uint_of(const json_t *j, const char *key)
{
	json_int_t v = json_integer_value(json_object_get(j, key));
	return v > 0 ? (size_t)v : 0;
}

static struct pagelife_location loc_from(const json_t *j)
{
	struct pagelife_location l = { str_or_null(j, "file"), (unsigned)uint_of(j, "line"),
				       (unsigned)uint_of(j, "column"), (unsigned)uint_of(j, "offset") };
	return l;
}

int result_from_json(const json_t *j, struct pagelife_result *out)
{
	memset(out, 0, sizeof(*out));
	const json_t *fs = json_object_get(j, "findings"), *inc = json_object_get(j, "includes");
	if (!json_is_array(fs) || !json_is_array(inc))
		return -1;
	out->nfindings = json_array_size(fs);
	out->findings = out->nfindings ? xcalloc(out->nfindings, sizeof(*out->findings)) : NULL;
	for (size_t i = 0; i < out->nfindings; i++) {
		const json_t *fj = json_array_get(fs, i);
		struct pagelife_finding *f = &out->findings[i];
		f->check = pagelife_check_intern(json_string_value(json_object_get(fj, "check")));
		f->loc = loc_from(json_object_get(fj, "loc"));
		f->function = str_or_null(fj, "function");
		f->message = str_or_null(fj, "message");
		f->fingerprint = str_or_null(fj, "fingerprint");
		const json_t *notes = json_object_get(fj, "notes"), *fixits = json_object_get(fj, "fixits");
		f->nnotes = json_array_size(notes);
		f->notes = f->nnotes ? xcalloc(f->nnotes, sizeof(*f->notes)) : NULL;
		for (size_t k = 0; k < f->nnotes; k++) {
			f->notes[k].loc = loc_from(json_object_get(json_array_get(notes, k), "loc"));
			f->notes[k].text = str_or_null(json_array_get(notes, k), "text");
		}
		f->nfixits = json_array_size(fixits);
		f->fixits = f->nfixits ? xcalloc(f->nfixits, sizeof(*f->fixits)) : NULL;
		for (size_t k = 0; k < f->nfixits; k++) {
			const json_t *x = json_array_get(fixits, k);
			f->fixits[k].begin = loc_from(json_object_get(x, "begin"));
			f->fixits[k].end = loc_from(json_object_get(x, "end"));
			f->fixits[k].replacement = str_or_null(x, "replacement");
		}
		if (!f->check || !f->loc.file || !f->message || !f->function) {
			pagelife_result_free(out);
			return -1;
		}
	}
	out->nincludes = json_array_size(inc);
	out->includes = xcalloc(out->nincludes ? out->nincludes : 1, sizeof(char *));
	for (size_t i = 0; i < out->nincludes; i++) {
		const char *s = json_string_value(json_array_get(inc, i));
		out->includes[i] = xstrdup(s ? s : "");
	}
	out->error = str_or_null(j, "error");
	out->fatal = json_is_true(json_object_get(j, "fatal"));
	out->functions = uint_of(j, "functions");
	out->unconverged = uint_of(j, "unconverged");
	out->one_path = uint_of(j, "one_path");
	return 0;
}
