/* pagelife.h: sessions, analyses and the catalogue of checks. */
#include "pagelife.h"
#include "analyse.h"
#include "api_presence.h"
#include "descriptions.h"
#include "fingerprint.h"
#include "suppress.h"
#include "big_stack.h"
#include "parse.h"
#include "rule_text.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef PAGELIFE_VERSION
#define PAGELIFE_VERSION "0.0.0"
#endif

struct pagelife_session {
	struct rules rules;
	const char **rule_names; /* names of the rules that make tracked pages: pagelife_rule_names() */
	size_t nrule_names;
	unsigned char *enabled;
	struct pl_engine_cfg cfg;
	int warn_unused_suppressions;
	struct rules external;   /* summaries of other TUs' functions (pagelife_config.summaries) */
	int summarise;
};

const char *pagelife_summary_format(void)
{
	return RULE_TEXT_FORMAT;
}

/* The other TUs' summaries as rules, looked up by name. */
static int load_summaries(struct pagelife_session *s, const struct pagelife_config *cfg, char *msg, size_t len)
{
	for (size_t i = 0; i < cfg->nsummaries; i++) {
		const struct pagelife_summary *in = &cfg->summaries[i];
		struct rule r;
		if (rule_text_decode(in->name, in->rule, "<summary from another TU>", &r)) {
			snprintf(msg, len, "summary of %s: not a rule of format '%s': %s", in->name, RULE_TEXT_FORMAT,
				 in->rule);
			return -1;
		}
		VEC_PUSH(s->external.v, s->external.n, s->external.cap, r);
	}
	rules_index(&s->external);
	s->cfg.external = s->external.n ? &s->external : NULL;
	return 0;
}

const char *pagelife_version(void)
{
	return PAGELIFE_VERSION;
}

/* rules/ beside the binary: build tree (build/checker/pagelife -> rules/ of
 * the source), install tree (bin/ -> share/pagelife/rules). */
char *pagelife_default_rules_dir(void)
{
	const char *env = getenv("PAGELIFE_RULES_DIR");
	if (env && *env)
		return xstrdup(env);
	char exe[4096];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0) {
		exe[n] = '\0';
		char *slash = strrchr(exe, '/');
		if (slash)
			*slash = '\0';
		const char *candidates[] = { "%s/rules", "%s/../share/pagelife/rules", "%s/../../rules", "%s/../rules" };
		for (size_t i = 0; i < sizeof(candidates) / sizeof(candidates[0]); i++) {
			char *p = xasprintf(candidates[i], exe);
			if (access(p, R_OK) == 0)
				return p;
			free(p);
		}
	}
#ifdef PAGELIFE_SOURCE_RULES
	if (access(PAGELIFE_SOURCE_RULES, R_OK) == 0)
		return xstrdup(PAGELIFE_SOURCE_RULES);
#endif
	return NULL;
}

int pagelife_session_open(const struct pagelife_config *cfg, struct pagelife_session **out, char **err)
{
	char msg[1024];
	*out = NULL;
	*err = NULL;
	/* libclang parses on a thread of its own with an 8 MiB stack, too small
	 * for long operator chains; pagelife already calls it on a big stack
	 * (big_stack.h), so let it parse there.  libclang reads this variable
	 * at each parse. */
	setenv("LIBCLANG_NOTHREADS", "1", 0);
	struct pagelife_session *s = xcalloc(1, sizeof(*s));
	s->enabled = xmalloc(pl_num_checks);
	memset(s->enabled, 1, pl_num_checks);
	if (cfg->checks && checks_select(cfg->checks, s->enabled, msg, sizeof(msg)))
		goto fail;
	char *dir = cfg->rules_dir ? xstrdup(cfg->rules_dir) : pagelife_default_rules_dir();
	if (!dir) {
		snprintf(msg, sizeof(msg), "cannot find the built-in rules directory; set PAGELIFE_RULES_DIR");
		goto fail;
	}
	int bad = rules_load_path(&s->rules, dir, msg, sizeof(msg));
	free(dir);
	if (bad)
		goto fail;
	for (size_t i = 0; i < cfg->nextra_rules; i++)
		if (rules_load_path(&s->rules, cfg->extra_rules[i], msg, sizeof(msg)))
			goto fail;
	rules_index(&s->rules);
	if (load_summaries(s, cfg, msg, sizeof(msg)))
		goto fail;
	/* a call of a summarised function of another TU can make a tracked page too */
	s->rule_names = xcalloc(s->rules.n + s->external.n + 1, sizeof(*s->rule_names));
	for (size_t i = 0; i < s->rules.n; i++)
		if (rule_creates_objects(&s->rules.v[i]))
			s->rule_names[s->nrule_names++] = s->rules.v[i].name;
	for (size_t i = 0; i < s->external.n; i++)
		if (rule_creates_objects(&s->external.v[i]))
			s->rule_names[s->nrule_names++] = s->external.v[i].name;
	s->cfg.rules = &s->rules;
	s->cfg.policy = cfg->policy == PAGELIFE_POLICY_STRICT ? POLICY_STRICT : POLICY_MAINLINE;
	s->cfg.enabled = s->enabled;
	s->cfg.dump_cfg = cfg->dump_cfg;
	s->warn_unused_suppressions = cfg->warn_unused_suppressions;
	s->cfg.fn_memory = cfg->function_memory ? cfg->function_memory : PL_DEFAULT_FN_MEMORY;
	s->summarise = cfg->summarise;
	*out = s;
	return 0;
fail:
	*err = xstrdup(msg);
	pagelife_session_close(s);
	return -1;
}

void pagelife_session_close(struct pagelife_session *s)
{
	if (!s)
		return;
	rules_free(&s->rules);
	rules_free(&s->external);
	free(s->rule_names);
	free(s->enabled);
	free(s);
}

size_t pagelife_rule_names(const struct pagelife_session *s, const char *const **names)
{
	*names = (const char *const *)s->rule_names;
	return s->nrule_names;
}

size_t pagelife_rule_files(const struct pagelife_session *s, const char *const **files)
{
	*files = (const char *const *)s->rules.files;
	return s->rules.nfiles;
}

size_t pagelife_check_count(void)
{
	return pl_num_checks;
}

const char *pagelife_check_id(size_t i)
{
	return i < pl_num_checks ? pl_all_checks[i]->id : NULL;
}

const char *pagelife_check_summary(size_t i)
{
	return i < pl_num_checks ? pl_all_checks[i]->summary : NULL;
}

const char *pagelife_check_description(size_t i)
{
	return i < pl_num_checks ? check_description(pl_all_checks[i]->id) : NULL;
}

int pagelife_check_enabled(const struct pagelife_session *s, size_t i)
{
	return i < pl_num_checks && s->enabled[i];
}

const char *pagelife_check_intern(const char *id)
{
	for (size_t c = 0; id && c < pl_num_checks; c++)
		if (!strcmp(pl_all_checks[c]->id, id))
			return pl_all_checks[c]->id;
	if (id && !strcmp(id, PAGELIFE_UNUSED_SUPPRESSION))
		return PAGELIFE_UNUSED_SUPPRESSION;
	return NULL;
}

int pagelife_select_checks(const char *spec, unsigned char *enabled, char **err)
{
	char msg[512];
	*err = NULL;
	if (checks_select(spec, enabled, msg, sizeof(msg))) {
		*err = xstrdup(msg);
		return -1;
	}
	return 0;
}

/* ---- results ----------------------------------------------------------- */

static struct pagelife_location to_location(struct pl_loc *l)
{
	struct pagelife_location o = { l->file, l->line, l->col, l->offset };
	l->file = NULL; /* handed over */
	return o;
}

/* Move the engine's findings into the public form. */
static void take_findings(struct tu_result *tr, struct pagelife_result *out)
{
	struct pl_findings *fs = &tr->findings;
	out->nfindings = fs->n;
	out->findings = fs->n ? xcalloc(fs->n, sizeof(*out->findings)) : NULL;
	for (size_t i = 0; i < fs->n; i++) {
		struct pl_finding *f = &fs->v[i];
		struct pagelife_finding *o = &out->findings[i];
		o->check = f->check;
		o->loc = to_location(&f->loc);
		o->function = f->fn_name;
		o->message = f->message;
		f->fn_name = f->message = NULL;
		o->nnotes = (size_t)f->nnotes;
		o->notes = f->nnotes ? xcalloc((size_t)f->nnotes, sizeof(*o->notes)) : NULL;
		for (int j = 0; j < f->nnotes; j++) {
			o->notes[j].loc = to_location(&f->notes[j].loc);
			o->notes[j].text = f->notes[j].text;
			f->notes[j].text = NULL;
		}
		f->nnotes = 0;
		o->nfixits = (size_t)f->nfixits;
		o->fixits = f->nfixits ? xcalloc((size_t)f->nfixits, sizeof(*o->fixits)) : NULL;
		for (int j = 0; j < f->nfixits; j++) {
			o->fixits[j].begin = to_location(&f->fixits[j].begin);
			o->fixits[j].end = to_location(&f->fixits[j].end);
			o->fixits[j].replacement = f->fixits[j].text;
			f->fixits[j].text = NULL;
		}
		f->nfixits = 0;
	}
	out->functions = tr->functions;
	out->unconverged = tr->unconverged;
	out->one_path = tr->one_path;
	out->coarse = tr->coarse;
	out->skipped = tr->skipped;
	if (tr->dump.len)
		out->cfg_dump = sb_take(&tr->dump);
	tu_result_free(tr);
}

struct includes_ctx {
	struct pagelife_result *out;
	size_t cap;
};

static void add_include(CXFile included, CXSourceLocation *stack, unsigned depth, CXClientData data)
{
	struct includes_ctx *c = data;
	if (depth == 0)
		return; /* the main file */
	CXString n = clang_getFileName(included);
	const char *name = clang_getCString(n);
	if (name)
		VEC_PUSH(c->out->includes, c->out->nincludes, c->cap, xstrdup(name));
	clang_disposeString(n);
	(void)stack;
}

static void analyse_into(const struct pagelife_session *s, CXTranslationUnit tu, const unsigned char *present,
			 const char *const *args, size_t nargs, int includes, struct pagelife_result *out)
{
	struct includes_ctx ic = { out, 0 };
	if (includes)
		clang_getInclusions(tu, add_include, &ic);
	char *err = tu_first_error(tu);
	if (err) {
		out->error = xasprintf("%s (analysed what parsed)", err);
		free(err);
	}
	if (s->summarise) {
		struct tu_summary *v;
		size_t n;
		summarise_parsed_tu(&s->cfg, tu, present, &v, &n);
		out->summaries = n ? xcalloc(n, sizeof(*out->summaries)) : NULL;
		for (size_t i = 0; i < n; i++) {
			out->summaries[i].name = v[i].name;
			out->summaries[i].rule = v[i].text;
		}
		out->nsummaries = n;
		free(v);
		return;
	}
	struct tu_result tr;
	analyse_parsed_tu(&s->cfg, tu, present, &tr);
	take_findings(&tr, out);
	fingerprint_findings(tu, args, nargs, out);
	char *root = fingerprint_root(args, nargs);
	suppress_findings(tu, s->enabled, s->warn_unused_suppressions, root, out);
	free(root);
}

/* One call of pagelife_analyse() or pagelife_tu_analyse(), carried to the
 * big-stack thread. */
struct analyse_call {
	struct pagelife_session *s;
	struct pagelife_tu *t;
	const char *file;
	const char *const *args;
	size_t nargs;
	const struct pagelife_unsaved *unsaved;
	size_t nunsaved;
	struct pagelife_result *out;
	int status;
};

static void analyse_once(void *data)
{
	struct analyse_call *c = data;
	CXIndex index = clang_createIndex(0, 0);
	CXTranslationUnit tu;
	if (tu_parse(index, c->file, c->args, c->nargs, c->unsaved, c->nunsaved, 0, &tu, &c->out->error)) {
		c->out->fatal = 1;
		clang_disposeIndex(index);
		c->status = -1;
		return;
	}
	unsigned char *present = api_presence(tu, c->s->cfg.rules);
	analyse_into(c->s, tu, present, c->args, c->nargs, 1, c->out);
	free(present);
	clang_disposeTranslationUnit(tu);
	clang_disposeIndex(index);
	c->status = 0;
}

int pagelife_analyse(struct pagelife_session *s, const char *file, const char *const *args, size_t nargs,
		     const struct pagelife_unsaved *unsaved, size_t nunsaved, struct pagelife_result *out)
{
	memset(out, 0, sizeof(*out));
	struct analyse_call c = { s, NULL, file, args, nargs, unsaved, nunsaved, out, 0 };
	run_on_big_stack(analyse_once, &c);
	return c.status;
}

void pagelife_result_free(struct pagelife_result *r)
{
	for (size_t i = 0; i < r->nfindings; i++) {
		struct pagelife_finding *f = &r->findings[i];
		free(f->loc.file);
		free(f->function);
		free(f->message);
		for (size_t j = 0; j < f->nnotes; j++) {
			free(f->notes[j].loc.file);
			free(f->notes[j].text);
		}
		free(f->notes);
		for (size_t j = 0; j < f->nfixits; j++) {
			free(f->fixits[j].begin.file);
			free(f->fixits[j].end.file);
			free(f->fixits[j].replacement);
		}
		free(f->fixits);
		free(f->fingerprint);
	}
	free(r->findings);
	pagelife_free_args(r->includes, r->nincludes);
	free(r->error);
	free(r->cfg_dump);
	for (size_t i = 0; i < r->nsummaries; i++) {
		free(r->summaries[i].name);
		free(r->summaries[i].rule);
	}
	free(r->summaries);
	memset(r, 0, sizeof(*r));
}

/* ---- TUs kept parsed (editors) ------------------------------------------ */

struct pagelife_tu {
	struct pagelife_session *s;
	CXIndex index;
	CXTranslationUnit tu;
	char *file;
	char **args;
	size_t nargs;
	int no_includes;
	/* API presence of every walk since the last fresh parse: a reparse
	 * that reuses the preamble walks only the main file's declarations
	 * (the index excludes the preamble's, which is what makes re-checks
	 * cheap), so the headers' names come from the first walk. */
	unsigned char *present;
};

void pagelife_tu_set_includes(struct pagelife_tu *t, int on)
{
	t->no_includes = !on;
}

struct pagelife_tu *pagelife_tu_open(struct pagelife_session *s, const char *file, const char *const *args,
				     size_t nargs)
{
	struct pagelife_tu *t = xcalloc(1, sizeof(*t));
	t->s = s;
	/* Exclude the preamble's declarations from walks of the TU: a re-check
	 * then visits the main file's declarations only, instead of
	 * deserialising every header declaration again. */
	t->index = clang_createIndex(1, 0);
	t->file = xstrdup(file);
	t->nargs = nargs;
	t->args = xcalloc(nargs ? nargs : 1, sizeof(char *));
	for (size_t i = 0; i < nargs; i++)
		t->args[i] = xstrdup(args[i]);
	return t;
}

static void tu_analyse_once(void *data)
{
	struct analyse_call *c = data;
	struct pagelife_tu *t = c->t;
	if (t->tu && tu_reparse(t->tu, c->unsaved, c->nunsaved, &c->out->error)) {
		free(c->out->error);
		c->out->error = NULL;
		clang_disposeTranslationUnit(t->tu); /* unusable after a failed reparse: parse afresh */
		t->tu = NULL;
	}
	if (!t->tu) {
		if (tu_parse(t->index, t->file, (const char *const *)t->args, t->nargs, c->unsaved, c->nunsaved, 1,
			     &t->tu, &c->out->error)) {
			c->out->fatal = 1;
			c->status = -1;
			return;
		}
		free(t->present); /* a fresh parse walks every declaration again */
		t->present = NULL;
	}
	const struct rules *rules = t->s->cfg.rules;
	if (!t->present && rules->napi_names)
		t->present = xcalloc(rules->napi_names, 1);
	if (t->present)
		api_presence_add(t->tu, rules, t->present);
	analyse_into(t->s, t->tu, t->present, (const char *const *)t->args, t->nargs, !t->no_includes, c->out);
	c->status = 0;
}

int pagelife_tu_analyse(struct pagelife_tu *t, const struct pagelife_unsaved *unsaved, size_t nunsaved,
			struct pagelife_result *out)
{
	memset(out, 0, sizeof(*out));
	struct analyse_call c = { t->s, t, NULL, NULL, 0, unsaved, nunsaved, out, 0 };
	run_on_big_stack(tu_analyse_once, &c);
	return c.status;
}

void pagelife_tu_close(struct pagelife_tu *t)
{
	if (!t)
		return;
	if (t->tu)
		clang_disposeTranslationUnit(t->tu);
	clang_disposeIndex(t->index);
	pagelife_free_args(t->args, t->nargs);
	free(t->present);
	free(t->file);
	free(t);
}
