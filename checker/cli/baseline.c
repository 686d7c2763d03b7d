#include "baseline.h"
#include "util.h"

#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#define BASELINE_VERSION 1

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int baseline_load(const char *path, struct baseline *b, char *err, size_t errlen)
{
	memset(b, 0, sizeof(*b));
	json_error_t je;
	json_t *doc = json_load_file(path, 0, &je);
	if (!doc) {
		if (je.line < 0)
			snprintf(err, errlen, "%s: cannot read baseline: %s", path, je.text);
		else
			snprintf(err, errlen, "%s:%d:%d: malformed baseline: %s", path, je.line, je.column, je.text);
		return -1;
	}
	json_t *version = json_object_get(doc, "pagelife-baseline");
	json_t *findings = json_object_get(doc, "findings");
	if (!json_is_integer(version) || json_integer_value(version) != BASELINE_VERSION || !json_is_array(findings)) {
		snprintf(err, errlen, "%s: not a pagelife baseline (expected {\"pagelife-baseline\": %d, \"findings\": [...]})",
			 path, BASELINE_VERSION);
		json_decref(doc);
		return -1;
	}
	size_t i, cap = 0;
	json_t *f;
	json_array_foreach(findings, i, f) {
		const char *fp = json_string_value(json_object_get(f, "fingerprint"));
		if (!fp) {
			snprintf(err, errlen, "%s: finding %zu has no \"fingerprint\" string", path, i);
			json_decref(doc);
			baseline_free(b);
			return -1;
		}
		VEC_PUSH(b->fingerprints, b->n, cap, xstrdup(fp));
	}
	json_decref(doc);
	if (b->n)
		qsort(b->fingerprints, b->n, sizeof(char *), cmp_str);
	return 0;
}

int baseline_has(const struct baseline *b, const char *fingerprint)
{
	if (!fingerprint || !b->n)
		return 0;
	return bsearch(&fingerprint, b->fingerprints, b->n, sizeof(char *), cmp_str) != NULL;
}

void baseline_free(struct baseline *b)
{
	for (size_t i = 0; i < b->n; i++)
		free(b->fingerprints[i]);
	free(b->fingerprints);
	memset(b, 0, sizeof(*b));
}

struct baseline_writer {
	json_t *findings;
};

struct baseline_writer *baseline_writer_new(void)
{
	struct baseline_writer *w = xcalloc(1, sizeof(*w));
	w->findings = json_array();
	return w;
}

void baseline_writer_add(struct baseline_writer *w, const struct pagelife_finding *f)
{
	if (!f->fingerprint)
		return;
	json_array_append_new(w->findings, json_pack("{s:s, s:s, s:s, s:s}", "fingerprint", f->fingerprint, "check",
						     f->check, "file", f->loc.file, "function",
						     f->function ? f->function : ""));
}

int baseline_writer_save(struct baseline_writer *w, const char *path, char *err, size_t errlen)
{
	json_t *doc = json_pack("{s:i, s:o}", "pagelife-baseline", BASELINE_VERSION, "findings", w->findings);
	free(w);
	int rc = json_dump_file(doc, path, JSON_INDENT(2));
	json_decref(doc);
	if (rc) {
		snprintf(err, errlen, "%s: cannot write baseline: %s", path, strerror(errno));
		return -1;
	}
	return 0;
}
