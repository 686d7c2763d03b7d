/* SARIF 2.1.0, for code scanning (GitHub, GitLab) and SARIF viewers.  One
 * log with one run: the tool and a rule per check, then a result per
 * finding with its notes twice, as related locations and as one thread
 * flow in path order (notes, then the finding).  A log is one JSON
 * document, so results are kept until report_close writes the whole run. */
#include "report.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef PAGELIFE_SOURCE_DIR
#define PAGELIFE_SOURCE_DIR "/usr/share/pagelife"
#endif

#define SRCROOT "SRCROOT"
#define UNUSED_SUPPRESSION PAGELIFE_UNUSED_SUPPRESSION

struct sarif {
	json_t *results;
	json_t *extra_rules; /* ids outside the check catalogue: pagelife's own diagnostics */
	char *cwd;           /* SRCROOT: relative paths and paths under it are relative to it */
};

/* RFC 3986: keep unreserved characters and '/', percent-encode the rest. */
static char *uri_encode(const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	char *out = malloc(strlen(s) * 3 + 1), *o = out;
	if (!out)
		abort();
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    strchr("-._~/", *p)) {
			*o++ = (char)*p;
		} else {
			*o++ = '%';
			*o++ = hex[*p >> 4];
			*o++ = hex[*p & 15];
		}
	}
	*o = '\0';
	return out;
}

/* Where the docs are: $PAGELIFE_DOCS_BASE_URI (e.g. the repository on a
 * forge), else the source tree this was built from.  Ends with '/'. */
static char *docs_base_uri(void)
{
	const char *env = getenv("PAGELIFE_DOCS_BASE_URI");
	json_t *s;
	if (env && *env)
		s = json_sprintf("%s%s", env, env[strlen(env) - 1] == '/' ? "" : "/");
	else {
		char *enc = uri_encode(PAGELIFE_SOURCE_DIR);
		s = json_sprintf("file://%s/", enc);
		free(enc);
	}
	char *out = strdup(json_string_value(s));
	json_decref(s);
	return out;
}

static json_t *artifact_location(const struct sarif *st, const char *file)
{
	size_t n = st->cwd ? strlen(st->cwd) : 0;
	const char *rel = NULL;
	if (file[0] != '/')
		rel = file;
	else if (n > 1 && !strncmp(file, st->cwd, n) && file[n] == '/')
		rel = file + n + 1;
	while (rel && rel[0] == '.' && rel[1] == '/')
		rel += 2;
	char *enc = uri_encode(rel ? rel : file);
	json_t *loc = rel ? json_pack("{s:s, s:s}", "uri", enc, "uriBaseId", SRCROOT)
			  : json_pack("{s:s+}", "uri", "file://", enc);
	free(enc);
	return loc;
}

static json_t *physical_location(const struct sarif *st, const struct pagelife_location *l)
{
	return json_pack("{s:o, s:{s:I, s:I}}", "artifactLocation", artifact_location(st, l->file), "region",
			 "startLine", (json_int_t)l->line, "startColumn", (json_int_t)(l->column ? l->column : 1));
}

static json_t *location(const struct sarif *st, const struct pagelife_location *l, const char *message)
{
	json_t *o = json_pack("{s:o}", "physicalLocation", physical_location(st, l));
	if (message)
		json_object_set_new(o, "message", json_pack("{s:s}", "text", message));
	return o;
}

static json_t *result(const struct sarif *st, const struct pagelife_finding *f)
{
	json_t *loc = location(st, &f->loc, NULL);
	if (f->function && *f->function)
		json_object_set_new(loc, "logicalLocations",
				    json_pack("[{s:s, s:s}]", "name", f->function, "kind", "function"));
	json_t *o = json_pack("{s:s, s:s, s:{s:s}, s:[o]}", "ruleId", f->check, "level", "warning", "message", "text",
			      f->message, "locations", loc);
	if (f->nnotes) {
		json_t *related = json_array(), *flow = json_array();
		for (size_t j = 0; j < f->nnotes; j++) {
			json_t *r = location(st, &f->notes[j].loc, f->notes[j].text);
			json_object_set_new(r, "id", json_integer((json_int_t)j + 1));
			json_array_append_new(related, r);
			json_array_append_new(flow, json_pack("{s:o}", "location",
							      location(st, &f->notes[j].loc, f->notes[j].text)));
		}
		json_array_append_new(flow, json_pack("{s:o}", "location", location(st, &f->loc, f->message)));
		json_object_set_new(o, "relatedLocations", related);
		json_object_set_new(o, "codeFlows", json_pack("[{s:[{s:o}]}]", "threadFlows", "locations", flow));
	}
	if (f->fingerprint)
		json_object_set_new(o, "partialFingerprints", json_pack("{s:s}", "pagelife/v1", f->fingerprint));
	return o;
}

static void sarif_tu(struct report *r, const char *file, const struct pagelife_result *res)
{
	(void)file;
	struct sarif *st = r->state;
	for (size_t i = 0; i < res->nfindings; i++) {
		const struct pagelife_finding *f = &res->findings[i];
		int known = 0;
		for (size_t c = 0; c < pagelife_check_count() && !known; c++)
			known = !strcmp(f->check, pagelife_check_id(c));
		if (!known)
			json_object_set_new(st->extra_rules, f->check, json_true());
		json_array_append_new(st->results, result(st, f));
	}
}

static json_t *rule(const char *id, const char *summary, const char *description, const char *help)
{
	json_t *o = json_pack("{s:s, s:{s:s}, s:{s:s}}", "id", id, "shortDescription", "text", summary,
			      "fullDescription", "text", description ? description : summary);
	if (help)
		json_object_set_new(o, "helpUri", json_string(help));
	json_object_set_new(o, "defaultConfiguration", json_pack("{s:s}", "level", "warning"));
	return o;
}

static json_t *rules(const char *docs)
{
	json_t *a = json_array();
	for (size_t c = 0; c < pagelife_check_count(); c++) {
		json_t *help = json_sprintf("%sdocs/checks/%s.md", docs, pagelife_check_id(c));
		json_array_append_new(a, rule(pagelife_check_id(c), pagelife_check_summary(c),
					      pagelife_check_description(c), json_string_value(help)));
		json_decref(help);
	}
	return a;
}

static void add_extra_rules(json_t *rules, json_t *extra, const char *docs)
{
	const char *id;
	json_t *v;
	json_object_foreach(extra, id, v) {
		if (!strcmp(id, UNUSED_SUPPRESSION)) {
			json_t *help = json_sprintf("%sdocs/usage.md#suppressions", docs);
			json_array_append_new(rules, rule(id, "a NOLINT or NOLINTNEXTLINE comment that silenced no finding",
							  "With --warn-unused-suppressions, pagelife reports each "
							  "suppression comment (or each check named in it) that "
							  "silenced no finding of an enabled check.",
							  json_string_value(help)));
			json_decref(help);
		} else {
			json_array_append_new(rules, rule(id, id, NULL, NULL));
		}
	}
}

/* ruleIndex ties each result to its rule in tool.driver.rules. */
static void index_rules(json_t *rules, json_t *results)
{
	size_t i;
	json_t *res;
	json_array_foreach(results, i, res) {
		const char *id = json_string_value(json_object_get(res, "ruleId"));
		size_t k;
		json_t *ru;
		json_array_foreach(rules, k, ru) {
			if (!strcmp(id, json_string_value(json_object_get(ru, "id")))) {
				json_object_set_new(res, "ruleIndex", json_integer((json_int_t)k));
				break;
			}
		}
	}
}

static void sarif_close(struct report *r)
{
	struct sarif *st = r->state;
	char *docs = docs_base_uri();
	json_t *rs = rules(docs);
	add_extra_rules(rs, st->extra_rules, docs);
	index_rules(rs, st->results);
	json_t *info = json_sprintf("%sREADME.md", docs);
	json_t *driver = json_pack("{s:s, s:s, s:s, s:O, s:o}", "name", "pagelife", "version", pagelife_version(),
				   "semanticVersion", pagelife_version(), "informationUri", info, "rules", rs);
	json_decref(info);
	json_t *run = json_pack("{s:{s:o}, s:s, s:O}", "tool", "driver", driver, "columnKind", "unicodeCodePoints",
				"results", st->results);
	if (st->cwd) {
		char *enc = uri_encode(st->cwd);
		json_object_set_new(run, "originalUriBaseIds",
				    json_pack("{s:{s:s++}}", SRCROOT, "uri", "file://", enc,
					      enc[strlen(enc) - 1] == '/' ? "" : "/"));
		free(enc);
	}
	json_t *log = json_pack("{s:s, s:s, s:[o]}", "$schema", "https://json.schemastore.org/sarif-2.1.0.json",
				"version", "2.1.0", "runs", run);
	json_dumpf(log, r->out, JSON_INDENT(2));
	fputc('\n', r->out);
	json_decref(log);
	json_decref(st->results);
	json_decref(st->extra_rules);
	free(st->cwd);
	free(st);
	free(docs);
}

void report_sarif_init(struct report *r)
{
	struct sarif *st = calloc(1, sizeof(*st));
	if (!st)
		abort();
	st->results = json_array();
	st->extra_rules = json_object();
	st->cwd = getcwd(NULL, 0);
	r->state = st;
}

const struct report_ops report_sarif_ops = { sarif_tu, sarif_close };
