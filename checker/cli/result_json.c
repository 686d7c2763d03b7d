/* A whole pagelife_result as JSON and back: every field (findings with
 * notes, fix-its and fingerprints, the error, statistics, included files,
 * the CFG dump, the summaries of `pagelife summarise`), so a result read back prints exactly as the original.
 * Workers send results to the parent this way and the result cache stores
 * them this way.  Not a report format: report/json.c is the one users read. */
#include "result_json.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static json_t *str_or_null(const char *s)
{
	return s ? json_string(s) : json_null();
}

static json_t *loc_to_json(const struct pagelife_location *l)
{
	return json_pack("{s:o,s:I,s:I,s:I}", "file", str_or_null(l->file), "line", (json_int_t)l->line, "column",
			 (json_int_t)l->column, "offset", (json_int_t)l->offset);
}

static json_t *finding_to_json(const struct pagelife_finding *f)
{
	json_t *notes = json_array(), *fixits = json_array();
	for (size_t i = 0; i < f->nnotes; i++)
		json_array_append_new(notes, json_pack("{s:o,s:o}", "loc", loc_to_json(&f->notes[i].loc), "text",
						       str_or_null(f->notes[i].text)));
	for (size_t i = 0; i < f->nfixits; i++)
		json_array_append_new(fixits, json_pack("{s:o,s:o,s:o}", "begin", loc_to_json(&f->fixits[i].begin),
							"end", loc_to_json(&f->fixits[i].end), "replacement",
							str_or_null(f->fixits[i].replacement)));
	return json_pack("{s:s,s:o,s:o,s:o,s:o,s:o,s:o}", "check", f->check, "loc", loc_to_json(&f->loc), "function",
			 str_or_null(f->function), "message", str_or_null(f->message), "notes", notes, "fixits",
			 fixits, "fingerprint", str_or_null(f->fingerprint));
}

json_t *result_to_json(const struct pagelife_result *r)
{
	json_t *findings = json_array(), *includes = json_array();
	for (size_t i = 0; i < r->nfindings; i++)
		json_array_append_new(findings, finding_to_json(&r->findings[i]));
	for (size_t i = 0; i < r->nincludes; i++)
		json_array_append_new(includes, str_or_null(r->includes[i]));
	json_t *summaries = json_array();
	for (size_t i = 0; i < r->nsummaries; i++)
		json_array_append_new(summaries, json_pack("[s,s]", r->summaries[i].name, r->summaries[i].rule));
	json_t *o = json_pack("{s:o,s:o,s:o,s:b,s:I,s:I,s:I,s:I,s:I,s:o,s:o}", "summaries", summaries, "findings", findings, "error",
			      str_or_null(r->error), "fatal", r->fatal, "functions", (json_int_t)r->functions,
			      "unconverged", (json_int_t)r->unconverged, "one_path", (json_int_t)r->one_path, "coarse",
			      (json_int_t)r->coarse, "skipped", (json_int_t)r->skipped, "includes", includes,
			      "cfg_dump", str_or_null(r->cfg_dump));
	if (!o) {
		fprintf(stderr, "pagelife: out of memory\n");
		abort();
	}
	return o;
}

static char *dup_or_null(json_t *s)
{
	return json_is_string(s) ? xstrdup(json_string_value(s)) : NULL;
}

static int loc_from_json(json_t *o, struct pagelife_location *l)
{
	json_t *file;
	json_int_t line, column, offset;
	if (json_unpack(o, "{s:o,s:I,s:I,s:I}", "file", &file, "line", &line, "column", &column, "offset", &offset))
		return -1;
	l->file = dup_or_null(file);
	l->line = (unsigned)line;
	l->column = (unsigned)column;
	l->offset = (unsigned)offset;
	return 0;
}

static int finding_from_json(json_t *o, struct pagelife_finding *f)
{
	const char *check;
	json_t *loc, *function, *message, *notes, *fixits, *fingerprint;
	if (json_unpack(o, "{s:s,s:o,s:o,s:o,s:o,s:o,s:o}", "check", &check, "loc", &loc, "function", &function,
			"message", &message, "notes", &notes, "fixits", &fixits, "fingerprint", &fingerprint))
		return -1;
	if (!(f->check = pagelife_check_intern(check)) || !json_is_array(notes) || !json_is_array(fixits))
		return -1;
	f->function = dup_or_null(function);
	f->message = dup_or_null(message);
	f->fingerprint = dup_or_null(fingerprint);
	if (loc_from_json(loc, &f->loc))
		return -1;
	f->notes = xcalloc(json_array_size(notes) + 1, sizeof(*f->notes));
	for (size_t i = 0; i < json_array_size(notes); i++) {
		json_t *nl, *text;
		if (json_unpack(json_array_get(notes, i), "{s:o,s:o}", "loc", &nl, "text", &text))
			return -1;
		f->notes[f->nnotes].text = dup_or_null(text);
		if (loc_from_json(nl, &f->notes[f->nnotes++].loc))
			return -1;
	}
	f->fixits = xcalloc(json_array_size(fixits) + 1, sizeof(*f->fixits));
	for (size_t i = 0; i < json_array_size(fixits); i++) {
		json_t *b, *e, *rep;
		if (json_unpack(json_array_get(fixits, i), "{s:o,s:o,s:o}", "begin", &b, "end", &e, "replacement",
				&rep))
			return -1;
		struct pagelife_fixit *x = &f->fixits[f->nfixits++];
		x->replacement = dup_or_null(rep);
		if (loc_from_json(b, &x->begin) || loc_from_json(e, &x->end))
			return -1;
	}
	return 0;
}

int result_from_json(const json_t *o, struct pagelife_result *r)
{
	memset(r, 0, sizeof(*r));
	json_t *findings, *error, *includes, *cfg_dump, *summaries;
	int fatal;
	json_int_t functions, unconverged, one_path, coarse, skipped;
	int bad = !o || json_unpack((json_t *)o, "{s:o,s:o,s:o,s:b,s:I,s:I,s:I,s:I,s:I,s:o,s:o}", "summaries", &summaries, "findings", &findings, "error",
				    &error, "fatal", &fatal, "functions", &functions, "unconverged", &unconverged,
				    "one_path", &one_path, "coarse", &coarse, "skipped", &skipped, "includes",
				    &includes, "cfg_dump", &cfg_dump) ||
		  !json_is_array(findings) || !json_is_array(includes) || !json_is_array(summaries);
	if (!bad) {
		r->error = dup_or_null(error);
		r->cfg_dump = dup_or_null(cfg_dump);
		r->fatal = fatal;
		r->functions = (size_t)functions;
		r->unconverged = (size_t)unconverged;
		r->one_path = (size_t)one_path;
		r->coarse = (size_t)coarse;
		r->skipped = (size_t)skipped;
		r->findings = xcalloc(json_array_size(findings) + 1, sizeof(*r->findings));
		for (size_t i = 0; i < json_array_size(findings) && !bad; i++)
			bad = finding_from_json(json_array_get(findings, i), &r->findings[r->nfindings++]);
		r->includes = xcalloc(json_array_size(includes) + 1, sizeof(char *));
		for (size_t i = 0; i < json_array_size(includes); i++)
			r->includes[r->nincludes++] = dup_or_null(json_array_get(includes, i));
		r->summaries = xcalloc(json_array_size(summaries) + 1, sizeof(*r->summaries));
		for (size_t i = 0; i < json_array_size(summaries) && !bad; i++) {
			const char *name, *rule;
			bad = json_unpack(json_array_get(summaries, i), "[s,s]", &name, &rule) != 0;
			if (!bad) {
				r->summaries[r->nsummaries].name = xstrdup(name);
				r->summaries[r->nsummaries++].rule = xstrdup(rule);
			}
		}
	}
	if (bad) {
		pagelife_result_free(r);
		return -1;
	}
	return 0;
}

char *result_to_text(const struct pagelife_result *r)
{
	json_t *o = result_to_json(r);
	char *text = json_dumps(o, JSON_COMPACT);
	json_decref(o);
	if (!text) {
		fprintf(stderr, "pagelife: out of memory\n");
		abort();
	}
	return text;
}

int result_from_text(const char *text, size_t len, struct pagelife_result *r)
{
	json_t *o = json_loadb(text, len, 0, NULL);
	int rc = result_from_json(o, r);
	json_decref(o);
	return rc;
}
