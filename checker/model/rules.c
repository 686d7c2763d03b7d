/* Loading the YAML API model.  Every entry of a rules file is one mapping:
 *
 *   - name: pfn_to_page
 *     result: {source: 0}
 *
 * docs/rules-format.md lists the keys; anything unknown is an error naming
 * the file and line, so a typo never silently weakens the model. */
#include "rules.h"
#include "util.h"

#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <libfyaml.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct load_ctx {
	struct rules *r;
	const char *file;
	char *err;
	size_t errlen;
};

static int node_line(struct fy_node *n)
{
	struct fy_token *t = n ? fy_node_get_scalar_token(n) : NULL;
	const struct fy_mark *m = t ? fy_token_start_mark(t) : NULL;
	return m ? m->line + 1 : 0;
}

static int fail(struct load_ctx *c, int line, const char *fmt, const char *arg)
{
	char msg[256];
	snprintf(msg, sizeof(msg), fmt, arg ? arg : "");
	snprintf(c->err, c->errlen, "%s:%d: %s", c->file, line, msg);
	return -1;
}

static const char *scalar(struct fy_node *n)
{
	return (n && fy_node_get_type(n) == FYNT_SCALAR) ? fy_node_get_scalar0(n) : NULL;
}

static int parse_int(struct load_ctx *c, struct fy_node *n, int line, const char *what, int *out)
{
	const char *s = scalar(n);
	char *end;
	if (!s)
		return fail(c, line, "'%s' must be an argument index", what);
	long v = strtol(s, &end, 10);
	if (*s == '\0' || *end != '\0' || v < 0 || v > 31)
		return fail(c, node_line(n) ? node_line(n) : line, "'%s' must be an argument index from 0 to 31", what);
	*out = (int)v;
	return 0;
}

static int parse_level(struct load_ctx *c, struct fy_node *n, int line, enum pl_level *out)
{
	const char *s = scalar(n);
	enum pl_level l = s ? pl_level_parse(s) : L__COUNT;
	if (l == L__COUNT || l == L_NONE)
		return fail(c, node_line(n) ? node_line(n) : line,
			    "unknown level '%s' (expected arbitrary, valid, online, active, ptl, pgmap or held)", s ? s : "?");
	*out = l;
	return 0;
}

static int parse_bool(struct load_ctx *c, struct fy_node *n, int line, const char *what, int *out)
{
	const char *s = scalar(n);
	if (!s || (strcmp(s, "true") && strcmp(s, "false")))
		return fail(c, node_line(n) ? node_line(n) : line, "'%s' must be true or false", what);
	*out = !strcmp(s, "true");
	return 0;
}

static int parse_hold(struct load_ctx *c, struct fy_node *n, int line, enum pl_hold *out)
{
	const char *s = scalar(n);
	if (s && !strcmp(s, "none"))
		*out = HOLD_NONE; /* the caller marks it untracked */
	else if (s && !strcmp(s, "ref"))
		*out = HOLD_REF;
	else if (s && !strcmp(s, "pin"))
		*out = HOLD_PIN;
	else if (s && !strcmp(s, "owned"))
		*out = HOLD_OWNED;
	else
		return fail(c, node_line(n) ? node_line(n) : line, "unknown hold '%s' (expected ref, pin, owned or none)",
			    s ? s : "?");
	return 0;
}

typedef int (*field_fn)(struct load_ctx *c, const char *key, struct fy_node *v, int line, struct rule *ru);

/* Parse a mapping of fields with fn; what names it in messages. */
static int parse_fields(struct load_ctx *c, struct fy_node *n, int line, const char *what, struct rule *ru, field_fn fn)
{
	if (fy_node_get_type(n) != FYNT_MAPPING)
		return fail(c, line, "'%s' must be a mapping", what);
	void *it = NULL;
	struct fy_node_pair *p;
	while ((p = fy_node_mapping_iterate(n, &it))) {
		struct fy_node *k = fy_node_pair_key(p), *v = fy_node_pair_value(p);
		const char *key = scalar(k);
		if (!key)
			return fail(c, line, "keys of '%s' must be plain words", what);
		int r = fn(c, key, v, node_line(k), ru);
		if (r)
			return r;
	}
	return 0;
}

static int parse_when(struct load_ctx *c, struct fy_node *n, int line, enum rule_when *out);

static int release_field(struct load_ctx *c, const char *key, struct fy_node *v, int line, struct rule *ru)
{
	if (!strcmp(key, "arg"))
		return parse_int(c, v, line, key, &ru->release_arg);
	if (!strcmp(key, "array"))
		return parse_bool(c, v, line, key, &ru->release_array);
	if (!strcmp(key, "when")) {
		enum rule_when w;
		if (parse_when(c, v, line, &w))
			return -1;
		ru->release_when = w;
		return 0;
	}
	if (!strcmp(key, "hold")) {
		const char *s = scalar(v);
		if (s && !strcmp(s, "ref"))
			ru->release_kind = REL_REF;
		else if (s && !strcmp(s, "pin"))
			ru->release_kind = REL_PIN;
		else if (s && !strcmp(s, "owned"))
			ru->release_kind = REL_FREE;
		else
			return fail(c, line, "unknown release hold '%s' (expected ref, pin or owned)", s ? s : "?");
		return 0;
	}
	if (!strcmp(key, "if-result")) {
		const char *s = scalar(v);
		if (!s || strcmp(s, "nonzero"))
			return fail(c, line, "unknown if-result '%s' (expected nonzero)", s ? s : "?");
		ru->release_if = RELIF_RESULT_NONZERO;
		return 0;
	}
	if (!strcmp(key, "if-arg"))
		return parse_int(c, v, line, key, &ru->release_if_arg);
	if (!strcmp(key, "is") || !strcmp(key, "is-not")) {
		const char *s = scalar(v);
		char *end;
		long long val = s ? strtoll(s, &end, 0) : 0;
		if (!s || !*s || *end)
			return fail(c, line, "'%s' must be an integer", key);
		ru->release_if = key[2] ? RELIF_ARG_IS_NOT : RELIF_ARG_IS;
		ru->release_if_value = val;
		return 0;
	}
	return fail(c, line, "unknown key '%s' in release (expected arg, hold, array, when, if-result, if-arg, is, is-not)",
		    key);
}

static int gup_field(struct load_ctx *c, const char *key, struct fy_node *v, int line, struct rule *ru)
{
	if (!strcmp(key, "pages"))
		return parse_int(c, v, line, key, &ru->gup_pages);
	if (!strcmp(key, "flags"))
		return parse_int(c, v, line, key, &ru->gup_flags);
	if (!strcmp(key, "nr"))
		return parse_int(c, v, line, key, &ru->gup_nr);
	if (!strcmp(key, "hold"))
		return parse_hold(c, v, line, &ru->gup_hold);
	if (!strcmp(key, "longterm"))
		return parse_bool(c, v, line, key, &ru->gup_longterm);
	return fail(c, line, "unknown key '%s' in gup (expected pages, nr, flags, hold, longterm)", key);
}

static int parse_scope(struct load_ctx *c, struct fy_node *n, int line, enum rule_scope *out)
{
	const char *s = scalar(n);
	for (int i = SCOPE_NONE + 1; i < SCOPE__COUNT; i++)
		if (s && strcmp(s, rule_scope_name((enum rule_scope)i)) == 0) {
			*out = (enum rule_scope)i;
			return 0;
		}
	return fail(c, node_line(n) ? node_line(n) : line, "unknown scope '%s' (expected rcu, hotplug, pgmap, ptl, memmap or frags-readable)", s ? s : "?");
}

static int parse_when(struct load_ctx *c, struct fy_node *n, int line, enum rule_when *out)
{
	const char *s = scalar(n);
	if (s && (!strcmp(s, "true") || !strcmp(s, "nonnull")))
		*out = WHEN_TRUE;
	else if (s && (!strcmp(s, "false") || !strcmp(s, "null")))
		*out = WHEN_FALSE;
	else if (s && !strcmp(s, "always"))
		*out = WHEN_ALWAYS;
	else
		return fail(c, node_line(n) ? node_line(n) : line, "unknown condition '%s' (expected true, false or always)", s ? s : "?");
	return 0;
}

static int result_field(struct load_ctx *c, const char *key, struct fy_node *v, int kl, struct rule *ru)
{
	if (!strcmp(key, "source") || !strcmp(key, "same") || !strcmp(key, "arg")) {
		if (ru->result != RES_UNKNOWN)
			return fail(c, kl, "result has more than one of source/same/new/arg ('%s')", key);
		ru->result = !strcmp(key, "source") ? RES_SOURCE : !strcmp(key, "same") ? RES_SAME : RES_ARG;
		return parse_int(c, v, kl, key, &ru->result_arg);
	}
	if (!strcmp(key, "new")) {
		if (ru->result != RES_UNKNOWN)
			return fail(c, kl, "result has more than one of source/same/new/arg ('%s')", key);
		ru->result = RES_NEW;
		return parse_level(c, v, kl, &ru->result_level);
	}
	if (!strcmp(key, "level"))
		return parse_level(c, v, kl, &ru->result_level);
	if (!strcmp(key, "hold")) {
		if (parse_hold(c, v, kl, &ru->acquire_hold))
			return -1;
		ru->acquire_untracked = ru->acquire_hold == HOLD_NONE;
		return 0;
	}
	if (!strcmp(key, "movable"))
		return parse_bool(c, v, kl, key, &ru->movable);
	if (!strcmp(key, "ptl"))
		return parse_bool(c, v, kl, key, &ru->result_ptl);
	if (!strcmp(key, "nullable"))
		return parse_bool(c, v, kl, key, &ru->result_nullable);
	if (!strcmp(key, "netmem")) {
		const char *ns = scalar(v);
		if (ns && !strcmp(ns, "always"))
			ru->result_netmem = NETMEM_ALWAYS;
		else if (ns && !strcmp(ns, "unless-readable"))
			ru->result_netmem = NETMEM_UNLESS_READABLE;
		else if (ns && !strcmp(ns, "null-if-net-iov"))
			ru->result_netmem = NETMEM_NULL_IF_NET_IOV;
		else
			return fail(c, kl, "'netmem' must be always, unless-readable or null-if-net-iov, not '%s'", ns ? ns : "?");
		return 0;
	}
	return fail(c, kl,
		    "unknown key '%s' in result (expected source, same, new, arg, level, hold, movable, netmem, ptl, "
		    "nullable)",
		    key);
}

/* result: {source: N, level: L, nullable: true} | {same: N} | {new: held} | {arg: N} */
static int parse_result(struct load_ctx *c, struct fy_node *n, int line, struct rule *ru)
{
	if (parse_fields(c, n, line, "result", ru, result_field))
		return -1;
	if (ru->result == RES_UNKNOWN && !ru->result_netmem)
		return fail(c, line, "result needs one of source, same, new or arg%s", NULL);
	return 0;
}

static int guard_field(struct load_ctx *c, const char *key, struct fy_node *v, int kl, struct rule *ru)
{
	if (!strcmp(key, "arg"))
		return parse_int(c, v, kl, key, &ru->guard_arg);
	if (!strcmp(key, "level"))
		return parse_level(c, v, kl, &ru->guard_level);
	if (!strcmp(key, "when"))
		return parse_when(c, v, kl, &ru->guard_when);
	if (!strcmp(key, "hold")) {
		if (parse_hold(c, v, kl, &ru->acquire_hold))
			return -1;
		ru->acquire_untracked = ru->acquire_hold == HOLD_NONE;
		return 0;
	}
	return fail(c, kl, "unknown key '%s' in guard (expected arg, level, when, hold)", key);
}

/* guard: {arg: N, level: L, when: true} */
static int parse_guard(struct load_ctx *c, struct fy_node *n, int line, struct rule *ru)
{
	ru->guard_when = WHEN_TRUE;
	ru->guard_arg = -1;
	if (parse_fields(c, n, line, "guard", ru, guard_field))
		return -1;
	if (ru->guard_arg < 0 || ru->guard_level == L_NONE)
		return fail(c, line, "guard needs 'arg' and 'level'%s", NULL);
	return 0;
}

static int parse_uses(struct load_ctx *c, struct fy_node *n, int line, struct rule *ru)
{
	if (fy_node_get_type(n) == FYNT_SCALAR)
		return parse_int(c, n, line, "uses", &ru->uses[ru->nuses++]);
	if (fy_node_get_type(n) != FYNT_SEQUENCE)
		return fail(c, line, "'uses' must be an argument index or a list of them%s", NULL);
	void *it = NULL;
	struct fy_node *e;
	while ((e = fy_node_sequence_iterate(n, &it))) {
		if (ru->nuses == RULE_MAX_USES)
			return fail(c, line, "'uses' lists more than 4 arguments%s", NULL);
		if (parse_int(c, e, line, "uses", &ru->uses[ru->nuses++]))
			return -1;
	}
	return 0;
}

static void add_rule(struct rules *r, struct rule *ru)
{
	VEC_PUSH(r->v, r->n, r->cap, *ru);
	r->indexed = 0;
}

/* The index of an API name in the rules' pool, added once. */
static int api_name_index(struct rules *r, const char *name)
{
	for (size_t i = 0; i < r->napi_names; i++)
		if (!strcmp(r->api_names[i], name))
			return (int)i;
	VEC_PUSH(r->api_names, r->napi_names, r->api_names_cap, xstrdup(name));
	return (int)r->napi_names - 1;
}

/* requires: NAME, or a list of names: declarations the TU must have. */
static int parse_requires(struct load_ctx *c, struct fy_node *v, int kl, struct rule *ru)
{
	const char *one = fy_node_get_type(v) == FYNT_SCALAR ? scalar(v) : NULL;
	if (one && *one) {
		ru->requires[ru->nrequires++] = api_name_index(c->r, one);
		return 0;
	}
	if (fy_node_get_type(v) != FYNT_SEQUENCE)
		return fail(c, kl, "'requires' must be a name or a list of names%s", NULL);
	void *it = NULL;
	struct fy_node *n;
	while ((n = fy_node_sequence_iterate(v, &it))) {
		const char *s = scalar(n);
		if (!s || !*s)
			return fail(c, kl, "'requires' must be a name or a list of names%s", NULL);
		if (ru->nrequires == RULE_MAX_REQUIRES)
			return fail(c, kl, "'requires' names at most 4 declarations%s", NULL);
		ru->requires[ru->nrequires++] = api_name_index(c->r, s);
	}
	if (!ru->nrequires)
		return fail(c, kl, "'requires' is empty%s", NULL);
	return 0;
}

static void add_short_lived(struct load_ctx *c, const char *name, int line)
{
	(void)line;
	char *dup = xstrdup(name);
	VEC_PUSH(c->r->short_lived, c->r->nshort_lived, c->r->short_lived_cap, dup);
}

static void add_callback(struct load_ctx *c, const char *name, int line)
{
	struct rule_callback cb = { xstrdup(name), 0, c->file, line };
	VEC_PUSH(c->r->callbacks, c->r->ncallbacks, c->r->callbacks_cap, cb);
}

/* A list of names, each passed to add(): how many, or -1 (reported with
 * msg) when v is not a list of plain scalars (each with a '.' if dotted). */
static int name_list(struct load_ctx *c, struct fy_node *v, int line, const char *msg, int dotted,
		     void (*add)(struct load_ctx *c, const char *name, int line))
{
	if (fy_node_get_type(v) != FYNT_SEQUENCE)
		return fail(c, line, msg, NULL);
	void *it = NULL;
	struct fy_node *item;
	int n = 0;
	while ((item = fy_node_sequence_iterate(v, &it))) {
		const char *name = scalar(item);
		if (!name || (dotted && !strchr(name, '.')))
			return fail(c, line, msg, NULL);
		add(c, name, line);
		n++;
	}
	return n;
}

static int parse_entry(struct load_ctx *c, struct fy_node *e)
{
	struct rule ru;
	memset(&ru, 0, sizeof(ru));
	ru.err_arg = -1;
	ru.guard_arg = -1;
	ru.release_arg = -1;
	ru.release_if_arg = -1;
	ru.gup_pages = ru.gup_flags = ru.gup_nr = -1;
	ru.netiov_test_arg = -1;
	ru.file = c->file;
	int line = 0;

	if (fy_node_get_type(e) != FYNT_MAPPING)
		return fail(c, node_line(e), "each rule must be a mapping with a 'name'%s", NULL);

	struct fy_node *names = NULL;
	int structs_entry = 0;
	size_t ncb = 0;     /* callbacks of this entry, the last ones of c->r->callbacks */
	unsigned holds = 0; /* their caller-holds */
	void *it = NULL;
	struct fy_node_pair *p;
	while ((p = fy_node_mapping_iterate(e, &it))) {
		struct fy_node *k = fy_node_pair_key(p), *v = fy_node_pair_value(p);
		const char *key = scalar(k);
		int kl = node_line(k);
		if (!line)
			line = kl;
		if (!key)
			return fail(c, line, "rule keys must be plain words%s", NULL);
		if (!strcmp(key, "name") || !strcmp(key, "names")) {
			names = v;
		} else if (!strcmp(key, "short-lived-structs")) {
			if (name_list(c, v, kl, "'short-lived-structs' must be a list of struct names%s", 0, add_short_lived) < 0)
				return -1;
			structs_entry = 1;
		} else if (!strcmp(key, "callbacks")) {
			int n = name_list(c, v, kl, "'callbacks' must be a list of struct.field names%s", 1, add_callback);
			if (n < 0)
				return -1;
			ncb += (size_t)n;
		} else if (!strcmp(key, "caller-holds")) {
			struct rule tmp;
			memset(&tmp, 0, sizeof(tmp));
			if (parse_uses(c, v, kl, &tmp))
				return -1;
			for (int i = 0; i < tmp.nuses; i++)
				if (tmp.uses[i] >= 0 && tmp.uses[i] < 32)
					holds |= 1u << tmp.uses[i];
		} else if (!strcmp(key, "uses")) {
			if (parse_uses(c, v, kl, &ru))
				return -1;
		} else if (!strcmp(key, "result")) {
			if (parse_result(c, v, kl, &ru))
				return -1;
		} else if (!strcmp(key, "guard")) {
			if (parse_guard(c, v, kl, &ru))
				return -1;
		} else if (!strcmp(key, "error-pointer")) {
			if (parse_int(c, v, kl, key, &ru.err_arg))
				return -1;
		} else if (!strcmp(key, "enter")) {
			if (parse_scope(c, v, kl, &ru.enter))
				return -1;
		} else if (!strcmp(key, "exit")) {
			if (parse_scope(c, v, kl, &ru.exit))
				return -1;
		} else if (!strcmp(key, "release")) {
			if (parse_fields(c, v, kl, key, &ru, release_field))
				return -1;
			if (ru.release_arg < 0 || ru.release_kind == REL_NONE)
				return fail(c, kl, "release needs 'arg' and 'hold'%s", NULL);
			if ((ru.release_if_arg >= 0) != (ru.release_if == RELIF_ARG_IS || ru.release_if == RELIF_ARG_IS_NOT))
				return fail(c, kl, "release: 'if-arg' and 'is'/'is-not' go together%s", NULL);
		} else if (!strcmp(key, "gup")) {
			if (parse_fields(c, v, kl, key, &ru, gup_field))
				return -1;
			if (ru.gup_pages < 0 || ru.gup_hold == HOLD_NONE)
				return fail(c, kl, "gup needs 'pages' and 'hold'%s", NULL);
		} else if (!strcmp(key, "transfer")) {
			struct rule tmp;
			memset(&tmp, 0, sizeof(tmp));
			if (parse_uses(c, v, kl, &tmp))
				return -1;
			for (int i = 0; i < tmp.nuses; i++)
				ru.transfer_mask |= 1u << tmp.uses[i];
		} else if (!strcmp(key, "position")) {
			if (parse_bool(c, v, kl, key, &ru.position_only))
				return -1;
		} else if (!strcmp(key, "device-query")) {
			if (parse_bool(c, v, kl, key, &ru.device_query))
				return -1;
		} else if (!strcmp(key, "netiov-test")) {
			if (parse_int(c, v, kl, key, &ru.netiov_test_arg))
				return -1;
		} else if (!strcmp(key, "readable-when")) {
			enum rule_when w;
			if (parse_when(c, v, kl, &w))
				return -1;
			ru.readable_test = (int)w;
		} else if (!strcmp(key, "requires")) {
			if (parse_requires(c, v, kl, &ru))
				return -1;
		} else if (!strcmp(key, "returns")) {
			const char *k = scalar(v);
			if (k && !strcmp(k, "bool"))
				ru.returns = RETURNS_BOOL;
			else if (k && !strcmp(k, "int"))
				ru.returns = RETURNS_INT;
			else if (k && !strcmp(k, "pointer"))
				ru.returns = RETURNS_POINTER;
			else
				return fail(c, kl, "'returns' must be bool, int or pointer, not '%s'", k ? k : "?");
		} else if (!strcmp(key, "enter-when")) {
			if (parse_when(c, v, kl, &ru.enter_when))
				return -1;
		} else if (!strcmp(key, "doc")) {
			/* free text for readers */
		} else {
			return fail(c, kl, "unknown key '%s' (expected name, uses, result, guard, error-pointer, enter, enter-when, exit, "
				    "release, gup, transfer, device-query, position, netiov-test, readable-when, requires, returns, short-lived-structs, callbacks, caller-holds, doc)", key);
		}
	}
	ru.line = line;
	if (ncb) {
		/* an entry of its own: callback slots and what their caller holds */
		if (names || structs_entry || !holds)
			return fail(c, line, "'callbacks' goes in an entry of its own, with 'caller-holds' and without 'name'%s",
				    NULL);
		for (size_t i = c->r->ncallbacks - ncb; i < c->r->ncallbacks; i++)
			c->r->callbacks[i].holds = holds;
		return 0;
	}
	if (holds)
		return fail(c, line, "'caller-holds' needs 'callbacks'%s", NULL);
	if (structs_entry && !names)
		return 0; /* a list of struct types, not a function rule */
	if (structs_entry)
		return fail(c, line, "'short-lived-structs' goes in an entry of its own, without 'name'%s", NULL);
	if (!names)
		return fail(c, line, "rule without 'name'%s", NULL);

	/* one entry per name; several names share the same effects */
	if (fy_node_get_type(names) == FYNT_SCALAR) {
		if (!*scalar(names))
			return fail(c, line, "rule with an empty 'name'%s", NULL);
		ru.name = xstrdup(scalar(names));
		ru.is_glob = strpbrk(ru.name, "*?[") != NULL;
		add_rule(c->r, &ru);
		return 0;
	}
	if (fy_node_get_type(names) != FYNT_SEQUENCE)
		return fail(c, line, "'names' must be a list of function names%s", NULL);
	it = NULL;
	struct fy_node *nn;
	int count = 0;
	while ((nn = fy_node_sequence_iterate(names, &it))) {
		const char *s = scalar(nn);
		if (!s || !*s)
			return fail(c, line, "'names' must be a list of function names%s", NULL);
		struct rule copy = ru;
		copy.name = xstrdup(s);
		copy.is_glob = strpbrk(copy.name, "*?[") != NULL;
		add_rule(c->r, &copy);
		count++;
	}
	if (!count)
		return fail(c, line, "'names' is empty%s", NULL);
	return 0;
}

/* libfyaml reports parse errors through this; keep the first line only. */
static void diag_to_buffer(struct fy_diag *diag, void *user, const char *buf, size_t len)
{
	(void)diag;
	struct strbuf *sb = user;
	if (sb->len)
		return;
	char *s = xstrndup(buf, len);
	char *nl = strchr(s, '\n');
	if (nl)
		*nl = '\0';
	sb_add(sb, s);
	free(s);
}

static int load_file(struct rules *r, const char *file, char *err, size_t errlen)
{
	struct load_ctx c = { r, file, err, errlen };
	struct strbuf diagmsg = { 0 };
	struct fy_diag_cfg dcfg;
	fy_diag_cfg_default(&dcfg);
	dcfg.fp = NULL;
	dcfg.output_fn = diag_to_buffer;
	dcfg.user = &diagmsg;
	dcfg.colorize = false;
	dcfg.show_source = false;
	dcfg.show_position = true;
	dcfg.show_type = false;
	dcfg.show_module = false;
	struct fy_diag *diag = fy_diag_create(&dcfg);
	struct fy_parse_cfg pcfg = { .flags = FYPCF_QUIET, .diag = diag };

	FILE *probe = fopen(file, "r");
	if (!probe) {
		snprintf(err, errlen, "%s: cannot read rules file: %s", file, strerror(errno));
		fy_diag_destroy(diag);
		return -1;
	}
	/* a file with only comments (or nothing) holds no rules */
	int content = 0, ch, in_comment = 0;
	while (!content && (ch = fgetc(probe)) != EOF) {
		if (ch == '#')
			in_comment = 1;
		else if (ch == '\n')
			in_comment = 0;
		else if (!in_comment && ch != ' ' && ch != '\t' && ch != '\r')
			content = 1;
	}
	fclose(probe);
	if (!content) {
		snprintf(err, errlen, "%s: holds no rules (a file without rules says '[]')", file);
		fy_diag_destroy(diag);
		return -1;
	}

	/* one document: rules after a '---' would otherwise go unread */
	struct fy_parser *fyp = fy_parser_create(&pcfg);
	struct fy_document *doc = NULL, *more = NULL;
	if (fyp && fy_parser_set_input_file(fyp, file) == 0)
		doc = fy_parse_load_document(fyp);
	if (doc)
		more = fy_parse_load_document(fyp);
	int ret = 0;
	if (more) {
		struct fy_document_state *ds = fy_document_get_document_state(more);
		const struct fy_mark *m = ds ? fy_document_state_start_mark(ds) : NULL;
		ret = fail(&c, m ? m->line + 1 : 0, "a second YAML document ('---'): put all rules in one list%s",
			   NULL);
		goto out;
	}
	if (!doc) {
		/* libfyaml says "line:col: message"; prefix the file name */
		const char *m = diagmsg.buf ? diagmsg.buf : "malformed YAML";
		while (*m == ' ')
			m++;
		if (str_starts(m, file)) /* libfyaml may already name the file */
			m += strlen(file);
		if (*m == ':')
			m++;
		snprintf(err, errlen, "%s:%s", file, m);
		ret = -1;
		goto out;
	}
	struct fy_node *root = fy_document_root(doc);
	if (!root) /* empty file: no rules */
		goto out;
	if (fy_node_get_type(root) != FYNT_SEQUENCE) {
		ret = fail(&c, 1, "a rules file is a list of rules (each '- name: ...')%s", NULL);
		goto out;
	}
	void *it = NULL;
	struct fy_node *e;
	while ((e = fy_node_sequence_iterate(root, &it)))
		if ((ret = parse_entry(&c, e)))
			break;
out:
	if (more)
		fy_parse_document_destroy(fyp, more);
	if (doc)
		fy_parse_document_destroy(fyp, doc);
	if (fyp)
		fy_parser_destroy(fyp);
	fy_diag_destroy(diag);
	sb_free(&diagmsg);
	return ret;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The file names must outlive the rules that point at them. */
static const char *intern_path(struct rules *r, const char *p)
{
	char *s = xstrdup(p);
	VEC_PUSH(r->files, r->nfiles, r->files_cap, s);
	return s;
}

int rules_load_path(struct rules *r, const char *path, char *err, size_t errlen)
{
	struct stat st;
	if (stat(path, &st) != 0) {
		snprintf(err, errlen, "%s: cannot read rules: %s", path, strerror(errno));
		return -1;
	}
	if (!S_ISDIR(st.st_mode))
		return load_file(r, intern_path(r, path), err, errlen);

	DIR *d = opendir(path);
	if (!d) {
		snprintf(err, errlen, "%s: cannot read rules directory: %s", path, strerror(errno));
		return -1;
	}
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *de;
	while ((de = readdir(d)))
		if (str_ends(de->d_name, ".yaml"))
			VEC_PUSH(names, n, cap, xstrdup(de->d_name));
	closedir(d);
	if (n)
		qsort(names, n, sizeof(*names), cmp_str);
	int ret = 0;
	for (size_t i = 0; i < n; i++) {
		if (!ret) {
			struct strbuf sb = { 0 };
			sb_addf(&sb, "%s/%s", path, names[i]);
			ret = load_file(r, intern_path(r, sb.buf), err, errlen);
			sb_free(&sb);
		}
		free(names[i]);
	}
	free(names);
	if (!ret && n == 0) {
		snprintf(err, errlen, "%s: no *.yaml rules files in this directory", path);
		ret = -1;
	}
	return ret;
}

static unsigned long hash_str(const char *s)
{
	unsigned long h = 5381;
	while (*s)
		h = h * 33 + (unsigned char)*s++;
	return h;
}

void rules_index(struct rules *r)
{
	free(r->buckets);
	free(r->next);
	r->nbuckets = 1;
	while (r->nbuckets < r->n * 2)
		r->nbuckets *= 2;
	r->buckets = xmalloc(r->nbuckets * sizeof(int));
	r->next = xmalloc((r->n ? r->n : 1) * sizeof(int));
	for (size_t i = 0; i < r->nbuckets; i++)
		r->buckets[i] = -1;
	/* insert in order so that later rules are found first */
	for (size_t i = 0; i < r->n; i++) {
		if (r->v[i].is_glob)
			continue;
		size_t b = hash_str(r->v[i].name) & (r->nbuckets - 1);
		r->next[i] = r->buckets[b];
		r->buckets[b] = (int)i;
	}
	r->indexed = 1;
}

static int rule_present(const struct rule *ru, const unsigned char *present, enum rule_returns returns)
{
	if (ru->returns != RETURNS_ANY && returns != RETURNS_ANY && ru->returns != returns)
		return 0;
	if (!present)
		return 1;
	for (int i = 0; i < ru->nrequires; i++)
		if (!present[ru->requires[i]])
			return 0;
	return 1;
}

const struct rule *rules_lookup_call(const struct rules *r, const char *name, const unsigned char *present,
				     enum rule_returns returns)
{
	if (!r->n || !name || !*name)
		return NULL;
	if (!r->indexed) { /* not indexed: scan, later rules first */
		for (size_t i = r->n; i-- > 0;)
			if (!r->v[i].is_glob && strcmp(r->v[i].name, name) == 0 && rule_present(&r->v[i], present, returns))
				return &r->v[i];
		goto globs;
	}
	size_t b = hash_str(name) & (r->nbuckets - 1);
	for (int i = r->buckets[b]; i >= 0; i = r->next[i])
		if (strcmp(r->v[i].name, name) == 0 && rule_present(&r->v[i], present, returns))
			return &r->v[i];
globs:
	/* exact names win over globs; among globs the last one loaded wins */
	for (size_t i = r->n; i-- > 0;)
		if (r->v[i].is_glob && fnmatch(r->v[i].name, name, 0) == 0 && rule_present(&r->v[i], present, returns))
			return &r->v[i];
	return NULL;
}

int rule_creates_objects(const struct rule *ru)
{
	return ru->result == RES_SOURCE || ru->result == RES_NEW || ru->guard_level != L_NONE || ru->release_arg >= 0 ||
	       ru->gup_pages >= 0 || ru->result_netmem;
}

const struct rule *rules_lookup_present(const struct rules *r, const char *name, const unsigned char *present)
{
	return rules_lookup_call(r, name, present, RETURNS_ANY);
}

const struct rule *rules_lookup(const struct rules *r, const char *name)
{
	return rules_lookup_call(r, name, NULL, RETURNS_ANY);
}

int rules_short_lived_struct(const struct rules *r, const char *name)
{
	for (size_t i = 0; i < r->nshort_lived; i++)
		if (!strcmp(r->short_lived[i], name))
			return 1;
	return 0;
}

unsigned rules_callback_holds(const struct rules *r, const char *field)
{
	unsigned holds = 0; /* later entries replace earlier ones */
	for (size_t i = 0; i < r->ncallbacks; i++)
		if (!strcmp(r->callbacks[i].field, field))
			holds = r->callbacks[i].holds;
	return holds;
}

void rules_free(struct rules *r)
{
	for (size_t i = 0; i < r->ncallbacks; i++)
		free(r->callbacks[i].field);
	free(r->callbacks);
	for (size_t i = 0; i < r->napi_names; i++)
		free(r->api_names[i]);
	free(r->api_names);
	for (size_t i = 0; i < r->nshort_lived; i++)
		free(r->short_lived[i]);
	free(r->short_lived);
	for (size_t i = 0; i < r->n; i++)
		free(r->v[i].name);
	free(r->v);
	for (size_t i = 0; i < r->nfiles; i++)
		free(r->files[i]);
	free(r->files);
	free(r->buckets);
	free(r->next);
	memset(r, 0, sizeof(*r));
}

const char *rule_scope_name(enum rule_scope s)
{
	switch (s) {
	case SCOPE_RCU:
		return "rcu";
	case SCOPE_HOTPLUG:
		return "hotplug";
	case SCOPE_PGMAP:
		return "pgmap";
	case SCOPE_READABLE:
		return "frags-readable";
	case SCOPE_PTL:
		return "ptl";
	case SCOPE_MEMMAP:
		return "memmap";
	default:
		return "none";
	}
}
