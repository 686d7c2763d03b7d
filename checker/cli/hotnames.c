#include "hotnames.h"
#include "util.h"

#include <fnmatch.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

struct hot_names {
	json_t *exact;   /* name -> true (a jansson object as a string set) */
	char **globs;
	size_t nglobs, globs_cap;
};

static int is_id_start(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static int is_id_char(char c)
{
	return is_id_start(c) || (c >= '0' && c <= '9');
}

size_t hot_skip_noise(const char *t, size_t len, size_t i)
{
	if (t[i] == '/' && i + 1 < len && t[i + 1] == '*') {
		const char *e = memmem(t + i + 2, len - i - 2, "*/", 2);
		return e ? (size_t)(e - t) + 2 : len;
	}
	if (t[i] == '/' && i + 1 < len && t[i + 1] == '/') {
		while (i < len && t[i] != '\n')
			i++;
		return i;
	}
	if (t[i] == '"' || t[i] == '\'') {
		char q = t[i++];
		while (i < len && t[i] != q && t[i] != '\n')
			i += t[i] == '\\' ? 2 : 1;
		return i < len ? i + 1 : len;
	}
	return i;
}

void hot_each_ident(const char *t, size_t len, void (*fn)(const char *id, size_t n, void *arg), void *arg)
{
	size_t i = 0;
	while (i < len) {
		size_t j = hot_skip_noise(t, len, i);
		if (j != i) {
			i = j;
		} else if (is_id_start(t[i])) {
			size_t s = i;
			while (i < len && is_id_char(t[i]))
				i++;
			fn(t + s, i - s, arg);
		} else if (t[i] >= '0' && t[i] <= '9') {
			while (i < len && is_id_char(t[i])) /* 0x1f, 10UL: not identifiers */
				i++;
		} else {
			i++;
		}
	}
}

/* ---- scanning headers --------------------------------------------------- */

/* Attribute-like macros that sit before a function's name or after its
 * parameters: never the name a definition defines. */
static const char *const annotations[] = {
	"__attribute__", "__attribute", "__printf", "__scanf", "__acquires", "__releases", "__must_hold",
	"__cond_acquires", "__cond_lock", "__aligned", "__section", "__alloc_size", "__realloc_size",
	"__assume_aligned", "__diagnose_as", "__counted_by", "__no_sanitize_or_inline", "typeof", "__typeof__",
	"__typeof", "sizeof", "alignof", "_Alignof", "__alignof__", NULL,
};

/* C's keywords and the common types: never a function that reaches a
 * rule, but they sit before '(' in casts and statements. */
static const char *const keywords[] = {
	"auto", "break", "case", "char", "const", "continue", "default", "do", "double", "else", "enum", "extern",
	"float", "for", "goto", "if", "inline", "int", "long", "register", "restrict", "return", "short", "signed",
	"static", "struct", "switch", "typedef", "union", "unsigned", "void", "volatile", "while", "_Bool",
	"_Static_assert", "_Generic", "asm", "__asm__", "__asm", "__inline", "__inline__", "__volatile__",
	"__extension__", "__label__", "bool", "NULL", NULL,
};

static int in_list(const char *const *list, const char *s, size_t n)
{
	for (int i = 0; list[i]; i++)
		if (strlen(list[i]) == n && !memcmp(list[i], s, n))
			return 1;
	return 0;
}

static int is_annotation(const char *s, size_t n)
{
	return in_list(annotations, s, n);
}

/* Names that can neither be defined nor make a definition hot. */
static int is_inert(const char *s, size_t n)
{
	return in_list(keywords, s, n) || (n > 10 && !memcmp(s, "__builtin_", 10));
}

struct collect {
	json_t *seen;    /* dedupe */
	json_t *skip;    /* macro parameters: never outer names */
	char ***v;
	size_t *n, cap;
};

static void collect_ident(const char *id, size_t n, void *arg)
{
	struct collect *c = arg;
	if (is_inert(id, n))
		return;
	char *s = xstrndup(id, n);
	if ((c->skip && json_object_get(c->skip, s)) || json_object_get(c->seen, s)) {
		free(s);
		return;
	}
	json_object_set_new(c->seen, s, json_true());
	VEC_PUSH(*c->v, *c->n, c->cap, s);
}

static void collect_range(const char *t, size_t len, json_t *skip, char ***v, size_t *n)
{
	struct collect c = { json_object(), skip, v, n, 0 };
	hot_each_ident(t, len, collect_ident, &c);
	json_decref(c.seen);
}

/* Names a macro body builds with ##: "folio_test_##name" -> "folio_test_*".
 * Patterns with fewer than PASTE_MIN_LITERAL fixed characters ("a##b",
 * "x##_in") would match nearly every identifier and are dropped: the
 * macros that generate API accessors paste longer prefixes (PageReserved,
 * folio_test_dirty).  docs/design.md lists this among the prefilter's
 * assumptions; the kernel tests check them. */
#define PASTE_MIN_LITERAL 4
static void pasted_patterns(const char *t, size_t len, json_t *params, struct hot_def *d)
{
	struct strbuf pat = { 0 };
	size_t cap = 0;
	size_t literal = 0;
	int pasting = 0, joined = 0;
	size_t i = 0;
	for (;;) {
		size_t j = i < len ? hot_skip_noise(t, len, i) : len;
		int at_end = i >= len;
		int is_paste = !at_end && t[i] == '#' && i + 1 < len && t[i + 1] == '#';
		int is_id = !at_end && j == i && is_id_start(t[i]);
		int is_space = !at_end && j == i && (t[i] == ' ' || t[i] == '\t' || t[i] == '\\' || t[i] == '\n');
		if (is_space) {
			i++;
			continue;
		}
		if (is_paste) {
			pasting = 1;
			i += 2;
			continue;
		}
		if (is_id && pasting && pat.len) {
			size_t s = i;
			while (i < len && is_id_char(t[i]))
				i++;
			char *id = xstrndup(t + s, i - s);
			int param = json_object_get(params, id) || !strcmp(id, "__VA_ARGS__");
			sb_add(&pat, param ? "*" : id);
			literal += param ? 0 : strlen(id);
			joined = 1;
			pasting = 0;
			free(id);
			continue;
		}
		/* the pattern so far ends here */
		if (joined && literal >= PASTE_MIN_LITERAL)
			VEC_PUSH(d->pasted, d->npasted, cap, xstrdup(pat.buf));
		sb_free(&pat);
		literal = joined = pasting = 0;
		if (at_end)
			break;
		if (is_id) {
			size_t s = i;
			while (i < len && is_id_char(t[i]))
				i++;
			char *id = xstrndup(t + s, i - s);
			int param = json_object_get(params, id) || !strcmp(id, "__VA_ARGS__");
			sb_add(&pat, param ? "*" : id);
			literal = param ? 0 : strlen(id);
			free(id);
		} else {
			i = j != i ? j : i + 1;
		}
	}
	sb_free(&pat);
}

/* End of a preprocessor line (backslash continuations joined). */
static size_t logical_line_end(const char *t, size_t len, size_t i)
{
	while (i < len && t[i] != '\n') {
		if (t[i] == '\\' && i + 1 < len && t[i + 1] == '\n')
			i += 2;
		else if (t[i] == '/' && i + 1 < len && t[i + 1] == '*')
			i = hot_skip_noise(t, len, i); /* a comment may span lines */
		else
			i++;
	}
	return i;
}

static void scan_define(const char *t, size_t i, size_t end, struct hot_defs *out)
{
	while (i < end && (t[i] == ' ' || t[i] == '\t'))
		i++;
	size_t s = i;
	while (i < end && is_id_char(t[i]))
		i++;
	if (i == s || is_inert(t + s, i - s))
		return;
	struct hot_def d = { 0 };
	size_t cap = 0;
	VEC_PUSH(d.names, d.nnames, cap, xstrndup(t + s, i - s));
	json_t *params = json_object();
	if (i < end && t[i] == '(') {
		size_t p = ++i;
		while (i < end && t[i] != ')')
			i++;
		char **pv = NULL;
		size_t pn = 0;
		collect_range(t + p, i - p, NULL, &pv, &pn);
		for (size_t k = 0; k < pn; k++) {
			json_object_set_new(params, pv[k], json_true());
			free(pv[k]);
		}
		free(pv);
		if (i < end)
			i++;
	}
	collect_range(t + i, end - i, params, &d.uses, &d.nuses);
	pasted_patterns(t + i, end - i, params, &d);
	json_decref(params);
	VEC_PUSH(out->v, out->n, out->cap, d);
}

struct head {
	char **names; /* identifiers followed by '(' at parenthesis depth 0 */
	size_t n, cap;
	int not_fn;   /* an '=' was seen: an initializer, not a body */
	int parens;
};

static void head_reset(struct head *h)
{
	for (size_t k = 0; k < h->n; k++)
		free(h->names[k]);
	h->n = 0;
	h->not_fn = h->parens = 0;
}

void hot_scan(const char *t, size_t len, struct hot_defs *out)
{
	struct head h = { 0 };
	int depth = 0, line_start = 1, in_fn = 0;
	size_t body = 0;
	size_t i = 0;
	while (i < len) {
		char c = t[i];
		size_t j = hot_skip_noise(t, len, i);
		if (j != i) {
			i = j;
			continue;
		}
		if (c == '\n') {
			line_start = 1;
			i++;
			continue;
		}
		if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
			i++;
			continue;
		}
		if (c == '#' && line_start) {
			size_t end = logical_line_end(t, len, i);
			size_t k = i + 1;
			while (k < end && (t[k] == ' ' || t[k] == '\t'))
				k++;
			if (end - k > 6 && !memcmp(t + k, "define", 6) && !is_id_char(t[k + 6]))
				scan_define(t, k + 6, end, out);
			i = end;
			continue;
		}
		line_start = 0;
		if (is_id_start(c)) {
			size_t s = i;
			while (i < len && is_id_char(t[i]))
				i++;
			if (depth == 0 && h.parens == 0) {
				size_t k = i;
				while (k < len && (t[k] == ' ' || t[k] == '\t' || t[k] == '\n'))
					k++;
				if (k < len && t[k] == '(' && !is_annotation(t + s, i - s) && !is_inert(t + s, i - s))
					VEC_PUSH(h.names, h.n, h.cap, xstrndup(t + s, i - s));
			}
			continue;
		}
		if (depth == 0) {
			if (c == '(')
				h.parens++;
			else if (c == ')' && h.parens > 0)
				h.parens--;
			else if (c == '=' && h.parens == 0)
				h.not_fn = 1;
			else if (c == ';' || c == '}')
				head_reset(&h);
		}
		if (c == '{') {
			if (depth == 0) {
				in_fn = h.n > 0 && !h.not_fn && h.parens == 0;
				body = i + 1;
			}
			depth++;
		} else if (c == '}' && depth > 0) {
			if (--depth == 0) {
				if (in_fn) {
					struct hot_def d = { 0 };
					d.names = h.names;
					d.nnames = h.n;
					h.names = NULL;
					h.n = h.cap = 0;
					collect_range(t + body, i - body, NULL, &d.uses, &d.nuses);
					VEC_PUSH(out->v, out->n, out->cap, d);
				}
				in_fn = 0;
				head_reset(&h);
			}
		}
		i++;
	}
	head_reset(&h);
	free(h.names);
}

static void free_strv(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

void hot_defs_free(struct hot_defs *d)
{
	for (size_t i = 0; i < d->n; i++) {
		free_strv(d->v[i].names, d->v[i].nnames);
		free_strv(d->v[i].uses, d->v[i].nuses);
		free_strv(d->v[i].pasted, d->v[i].npasted);
	}
	free(d->v);
	memset(d, 0, sizeof(*d));
}

/* ---- the name set and its fixpoint ------------------------------------- */

static int has_glob_char(const char *s)
{
	return strpbrk(s, "*?[") != NULL;
}

static void add_seed(struct hot_names *h, const char *s)
{
	if (!has_glob_char(s)) {
		json_object_set_new(h->exact, s, json_true());
		return;
	}
	for (size_t i = 0; i < h->nglobs; i++)
		if (!strcmp(h->globs[i], s))
			return;
	VEC_PUSH(h->globs, h->nglobs, h->globs_cap, xstrdup(s));
}

struct hot_names *hot_names_new(const char *const *seeds, size_t n)
{
	struct hot_names *h = xcalloc(1, sizeof(*h));
	h->exact = json_object();
	for (size_t i = 0; i < n; i++)
		add_seed(h, seeds[i]);
	return h;
}

void hot_names_free(struct hot_names *h)
{
	if (!h)
		return;
	json_decref(h->exact);
	free_strv(h->globs, h->nglobs);
	free(h);
}

size_t hot_names_count(const struct hot_names *h)
{
	return json_object_size(h->exact) + h->nglobs;
}

static int matches_glob(const struct hot_names *h, size_t from, const char *name)
{
	for (size_t i = from; i < h->nglobs; i++)
		if (fnmatch(h->globs[i], name, 0) == 0)
			return 1;
	return 0;
}

int hot_name_is_hot(const struct hot_names *h, const char *name)
{
	return json_object_get(h->exact, name) != NULL || matches_glob(h, 0, name);
}

/* The fixpoint as a worklist over a reverse index: identifier -> the
 * definitions whose bodies use it. */
struct closure {
	json_t *ids;          /* identifier -> index */
	char **names;         /* index -> identifier (borrowed from the defs) */
	size_t **users;       /* index -> definitions using it */
	size_t *nusers, *users_cap;
	size_t n, cap;
	unsigned char *queued;
	size_t *queue, qhead, qlen;
};

static size_t id_of(struct closure *c, char *name)
{
	json_t *v = json_object_get(c->ids, name);
	if (v)
		return (size_t)json_integer_value(v);
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 1024;
		c->names = xrealloc(c->names, c->cap * sizeof(*c->names));
		c->users = xrealloc(c->users, c->cap * sizeof(*c->users));
		c->nusers = xrealloc(c->nusers, c->cap * sizeof(*c->nusers));
		c->users_cap = xrealloc(c->users_cap, c->cap * sizeof(*c->users_cap));
	}
	size_t i = c->n++;
	c->names[i] = name;
	c->users[i] = NULL;
	c->nusers[i] = c->users_cap[i] = 0;
	json_object_set_new(c->ids, name, json_integer((json_int_t)i));
	return i;
}

static void enqueue(struct closure *c, size_t id)
{
	if (c->queued[id])
		return;
	c->queued[id] = 1;
	c->queue[c->qlen++] = id;
}

void hot_close(struct hot_names *h, const struct hot_defs *d)
{
	struct closure c = { 0 };
	c.ids = json_object();
	for (size_t k = 0; k < d->n; k++) {
		for (size_t u = 0; u < d->v[k].nuses; u++) {
			size_t id = id_of(&c, d->v[k].uses[u]);
			VEC_PUSH(c.users[id], c.nusers[id], c.users_cap[id], k);
		}
		for (size_t u = 0; u < d->v[k].nnames; u++)
			id_of(&c, d->v[k].names[u]);
	}
	c.queued = xcalloc(c.n ? c.n : 1, 1);
	c.queue = xcalloc(c.n ? c.n : 1, sizeof(size_t));
	unsigned char *def_hot = xcalloc(d->n ? d->n : 1, 1);
	for (size_t id = 0; id < c.n; id++)
		if (hot_name_is_hot(h, c.names[id]))
			enqueue(&c, id);
	while (c.qhead < c.qlen) {
		size_t id = c.queue[c.qhead++];
		for (size_t u = 0; u < c.nusers[id]; u++) {
			size_t k = c.users[id][u];
			if (def_hot[k])
				continue;
			def_hot[k] = 1;
			const struct hot_def *def = &d->v[k];
			for (size_t m = 0; m < def->nnames; m++) {
				json_object_set_new(h->exact, def->names[m], json_true());
				enqueue(&c, (size_t)json_integer_value(json_object_get(c.ids, def->names[m])));
			}
			for (size_t m = 0; m < def->npasted; m++) {
				size_t before = h->nglobs;
				add_seed(h, def->pasted[m]);
				if (h->nglobs == before)
					continue;
				/* a new glob: every known identifier it matches is hot */
				for (size_t o = 0; o < c.n; o++)
					if (!c.queued[o] && matches_glob(h, before, c.names[o]))
						enqueue(&c, o);
			}
		}
	}
	free(def_hot);
	for (size_t id = 0; id < c.n; id++)
		free(c.users[id]);
	free(c.users);
	free(c.nusers);
	free(c.users_cap);
	free(c.names);
	free(c.queued);
	free(c.queue);
	json_decref(c.ids);
}

struct mention {
	const struct hot_names *h;
	json_t *seen;  /* identifiers already tested against the globs */
	int found;
};

static void mention_ident(const char *id, size_t n, void *arg)
{
	struct mention *m = arg;
	if (m->found)
		return;
	char buf[256];
	if (n >= sizeof(buf))
		n = sizeof(buf) - 1; /* no API name is that long */
	memcpy(buf, id, n);
	buf[n] = '\0';
	if (json_object_get(m->h->exact, buf)) {
		m->found = 1;
		return;
	}
	if (!m->h->nglobs || json_object_get(m->seen, buf))
		return;
	json_object_set_new(m->seen, buf, json_true());
	if (matches_glob(m->h, 0, buf))
		m->found = 1;
}

int hot_text_mentions(const struct hot_names *h, const char *text, size_t len)
{
	struct mention m = { h, json_object(), 0 };
	hot_each_ident(text, len, mention_ident, &m);
	json_decref(m.seen);
	return m.found;
}

char *hot_names_dump(const struct hot_names *h)
{
	struct strbuf sb = { 0 };
	const char *k;
	json_t *v;
	json_object_foreach(h->exact, k, v)
		sb_addf(&sb, "=%s\n", k);
	for (size_t i = 0; i < h->nglobs; i++)
		sb_addf(&sb, "*%s\n", h->globs[i]);
	return sb_take(&sb);
}

struct hot_names *hot_names_load(const char *text)
{
	struct hot_names *h = hot_names_new(NULL, 0);
	const char *p = text;
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		if (n > 1) {
			char *s = xstrndup(p + 1, n - 1);
			if (p[0] == '=')
				json_object_set_new(h->exact, s, json_true());
			else if (p[0] == '*')
				add_seed(h, s);
			free(s);
		}
		p += n + (nl ? 1 : 0);
	}
	return h;
}
