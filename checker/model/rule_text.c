/* Summary rules as "key=value" lines (rule_text.h). */
#include "rule_text.h"

#include <stdlib.h>
#include <string.h>

/* Each integer field a summary can set, with the value it has when unset. */
#define RULE_TEXT_FIELDS(X)                                   \
	X("result", result, RES_UNKNOWN)                      \
	X("result-arg", result_arg, 0)                        \
	X("result-level", result_level, 0)                    \
	X("guard-level", guard_level, 0)                      \
	X("guard-arg", guard_arg, -1)                         \
	X("guard-when", guard_when, WHEN_ALWAYS)              \
	X("acquire-hold", acquire_hold, 0)                    \
	X("movable", movable, 0)                              \
	X("release-arg", release_arg, -1)                     \
	X("release-kind", release_kind, REL_NONE)             \
	X("release-array", release_array, 0)                  \
	X("release-if", release_if, RELIF_ALWAYS)             \
	X("release-if-arg", release_if_arg, -1)               \
	X("release-if-value", release_if_value, 0)            \
	X("gup-pages", gup_pages, -1)                         \
	X("gup-hold", gup_hold, 0)                            \
	X("gup-longterm", gup_longterm, 0)                    \
	X("gup-result", gup_result, GUP_RESULT_COUNT)         \
	X("transfer", transfer_mask, 0)

static void rule_defaults(struct rule *r)
{
	memset(r, 0, sizeof(*r));
	r->err_arg = r->guard_arg = r->release_arg = r->netiov_test_arg = r->release_if_arg = -1;
	r->gup_pages = r->gup_flags = r->gup_nr = -1;
}

void rule_text_encode(const struct rule *r, struct strbuf *out)
{
	const char *sep = "";
	if (r->nuses) {
		sb_add(out, "uses=");
		for (int i = 0; i < r->nuses; i++)
			sb_addf(out, "%s%d", i ? "," : "", r->uses[i]);
		sep = " ";
	}
#define ENCODE(key, field, unset)                                                    \
	if ((long long)r->field != (long long)(unset)) {                              \
		sb_addf(out, "%s%s=%lld", sep, key, (long long)r->field);             \
		sep = " ";                                                            \
	}
	RULE_TEXT_FIELDS(ENCODE)
#undef ENCODE
}

static int set_uses(struct rule *r, const char *v)
{
	char *end;
	while (*v) {
		long n = strtol(v, &end, 10);
		if (end == v || n < 0 || n > 31 || r->nuses >= RULE_MAX_USES)
			return -1;
		r->uses[r->nuses++] = (int)n;
		v = *end == ',' ? end + 1 : end;
		if (*end && *end != ',')
			return -1;
	}
	return 0;
}

int rule_text_decode(const char *name, const char *text, const char *from, struct rule *out)
{
	struct rule r;
	rule_defaults(&r);
	char *copy = xstrdup(text);
	int bad = 0;
	for (char *save = NULL, *tok = strtok_r(copy, " ", &save); tok && !bad; tok = strtok_r(NULL, " ", &save)) {
		char *eq = strchr(tok, '=');
		if (!eq) {
			bad = 1;
			break;
		}
		*eq = '\0';
		const char *key = tok, *val = eq + 1;
		if (!strcmp(key, "uses")) {
			bad = set_uses(&r, val) != 0;
			continue;
		}
		char *end;
		long long n = strtoll(val, &end, 10);
		if (end == val || *end) {
			bad = 1;
			break;
		}
		int known = 0;
#define DECODE(k, field, unset)                     \
	if (!known && !strcmp(key, k)) {            \
		r.field = (__typeof__(r.field))n;   \
		known = 1;                          \
	}
		RULE_TEXT_FIELDS(DECODE)
#undef DECODE
		bad = !known;
	}
	free(copy);
	if (bad)
		return -1;
	r.name = xstrdup(name);
	r.file = from;
	*out = r;
	return 0;
}
