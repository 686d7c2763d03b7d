#include "flags.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

void argv_push(struct argv_list *a, const char *s)
{
	VEC_PUSH(a->v, a->n, a->cap, xstrdup(s));
}

void argv_free(struct argv_list *a)
{
	for (size_t i = 0; i < a->n; i++)
		free(a->v[i]);
	free(a->v);
	memset(a, 0, sizeof(*a));
}

/* GCC-only and sparse-only flags clang rejects, and flags that only matter for
 * code generation or write files.  Prefix matches. */
static const char *const drop_prefixes[] = {
	"-fconserve-stack", "-mindirect-branch", "-mfunction-return=", "-mrecord-mcount", "-fno-var-tracking",
	"-mpreferred-stack-boundary=", "-mskip-rax-setup", "--param", "-fno-allow-store-data-races",
	"-fmin-function-alignment=", "-fsanitize", "-fno-sanitize", "-fplugin", "-fprofile", "-fno-ipa-",
	"-fno-tree-", "-fno-code-hoisting", "-fno-inline-functions-called-once", "-fno-delete-null-pointer-checks",
	"-fstack-clash-protection", "-fzero-call-used-regs=", "-fpatchable-function-entry", "-fcf-protection",
	"-fharden-", "-falign-jumps", "-falign-loops", "-falign-functions", "-fno-partial-inlining",
	"-fno-stack-clash-protection", "-mharden-sls", "-fno-jump-tables", "-mstack-protector-guard",
	"-mlittle-endian", "-mbig-endian",
	"--arch=", "-W", "-g", "-pg", "-mfentry", "-mnop-mcount", "-fasynchronous-unwind-tables",
	"-fno-asynchronous-unwind-tables", "-fstack-protector", "-fno-stack-protector", "-fdebug-", "-fno-PIE",
	"-fplugin-arg-", "-fsplit-lto-unit", "-flto", "-fvisibility", "-ftrivial-auto-var-init",
	"-fno-strict-overflow", "-fstrict-flex-arrays", "-fno-merge-all-constants", "-fmerge-constants",
	"-MD", "-MMD", "-MP", "-M", "-fmacro-prefix-map=", "-ffile-prefix-map=", "-fdiagnostics-",
	"-fno-omit-frame-pointer", "-fomit-frame-pointer", "-fno-optimize-sibling-calls", "-mretpoline",
	"-mspeculative-load-hardening",
	NULL,
};

/* ...except these, which change what the preprocessor and parser see. */
static const char *const keep_exact[] = {
	"-Wp,-D", NULL,
};

/* Flags whose value is the next argument. */
static const char *const value_next[] = {
	"-o", "-MF", "-MT", "-MQ", "--param", "-mllvm", "-Xassembler", "-Xlinker", NULL,
};

static int in_list(const char *const *list, const char *a)
{
	for (int i = 0; list[i]; i++)
		if (!strcmp(list[i], a))
			return 1;
	return 0;
}

static int dropped(const char *a)
{
	if (!strcmp(a, "-c") || !strcmp(a, "-S") || !strcmp(a, "-E") || !strcmp(a, "-pipe"))
		return 1;
	for (int i = 0; keep_exact[i]; i++)
		if (str_starts(a, keep_exact[i]))
			return 0;
	for (int i = 0; drop_prefixes[i]; i++)
		if (str_starts(a, drop_prefixes[i]))
			return 1;
	return 0;
}

void flags_filter(char *const *in, size_t n, struct argv_list *out)
{
	for (size_t i = 0; i < n; i++) {
		const char *a = in[i];
		if (in_list(value_next, a)) {
			i++; /* the flag and its value */
			continue;
		}
		if (!strcmp(a, "-mllvm") || !strcmp(a, "-Xclang")) {
			i++;
			continue;
		}
		if (dropped(a))
			continue;
		argv_push(out, a);
	}
	/* no warnings (only errors matter), C, no spell-checking work */
	argv_push(out, "-w");
	argv_push(out, "-fno-spell-checking");
	argv_push(out, "-Wno-unknown-warning-option");
}

int shell_split(const char *s, struct argv_list *out)
{
	struct strbuf cur = { 0 };
	int in_word = 0;
	while (*s) {
		char c = *s;
		if (c == ' ' || c == '\t' || c == '\n') {
			if (in_word) {
				argv_push(out, cur.buf ? cur.buf : "");
				sb_free(&cur);
				in_word = 0;
			}
			s++;
			continue;
		}
		in_word = 1;
		if (c == '\\' && s[1]) {
			char ch[2] = { s[1], 0 };
			sb_add(&cur, ch);
			s += 2;
		} else if (c == '\'') {
			const char *e = strchr(s + 1, '\'');
			if (!e) {
				sb_free(&cur);
				return -1;
			}
			char *part = xstrndup(s + 1, (size_t)(e - s - 1));
			sb_add(&cur, part);
			free(part);
			s = e + 1;
		} else if (c == '"') {
			s++;
			while (*s && *s != '"') {
				if (*s == '\\' && s[1] && strchr("\"\\$`", s[1]))
					s++;
				char ch[2] = { *s, 0 };
				sb_add(&cur, ch);
				s++;
			}
			if (*s != '"') {
				sb_free(&cur);
				return -1;
			}
			s++;
		} else {
			char ch[2] = { c, 0 };
			sb_add(&cur, ch);
			s++;
		}
	}
	if (in_word)
		argv_push(out, cur.buf ? cur.buf : "");
	sb_free(&cur);
	return 0;
}
