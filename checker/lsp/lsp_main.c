/* `pagelife lsp [options]`: its options, the session, then the server on
 * stdin/stdout. */
#include "lsp.h"
#include "server.h"
#include "uri.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define LSP_DEFAULT_MAX_TUS 8

static void usage(FILE *out)
{
	fputs("usage: pagelife lsp [options]   (a Language Server Protocol server on stdin/stdout)\n"
	      "  --compile-commands-dir=DIR  use DIR/compile_commands.json (default: the nearest one up from each\n"
	      "                              file, or in a build/ beside it; fallback compile_flags.txt, then no flags)\n"
	      "  --max-tus=N                 keep at most N files parsed (default 8; 0: no limit)\n"
	      "  --policy=P, --checks=LIST, --rules=PATH   as for the command line\n"
	      "  --docs-url=URL              where docs/checks/ is (default: the source tree's, as a file: URI)\n",
	      out);
}

/* --name=value or --name value */
static const char *value(int argc, char **argv, int *i, const char *name)
{
	size_t n = strlen(name);
	if (!strncmp(argv[*i], name, n) && argv[*i][n] == '=')
		return argv[*i] + n + 1;
	if (!strcmp(argv[*i], name) && *i + 1 < argc)
		return argv[++*i];
	return NULL;
}

/* docs/checks beside the rules directory (rules/ and docs/ share a root). */
static char *default_docs_base(void)
{
	char *rules = pagelife_default_rules_dir();
	char *dir = rules ? xasprintf("%s/../docs/checks", rules) : NULL;
	free(rules);
	char *real = dir ? realpath(dir, NULL) : NULL;
	free(dir);
	char *uri = uri_from_path(real ? real : "/usr/share/doc/pagelife/checks");
	free(real);
	return uri;
}

int lsp_main(int argc, char **argv)
{
	struct pagelife_config cfg = { 0 };
	struct lsp_server sv = { 0 };
	const char **rules = NULL;
	size_t nrules = 0, rules_cap = 0;
	const char *docs_url = NULL;
	sv.docs.max_tus = LSP_DEFAULT_MAX_TUS;
	for (int i = 1; i < argc; i++) {
		const char *v;
		if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
			usage(stdout);
			return 0;
		} else if ((v = value(argc, argv, &i, "--compile-commands-dir"))) {
			sv.compdb_dir = v;
		} else if ((v = value(argc, argv, &i, "--max-tus"))) {
			char *end;
			long n = strtol(v, &end, 10);
			if (*end || n < 0) {
				fprintf(stderr, "pagelife: error: --max-tus needs a number >= 0\n");
				return 2;
			}
			sv.docs.max_tus = (size_t)n;
		} else if ((v = value(argc, argv, &i, "--policy"))) {
			if (strcmp(v, "mainline") && strcmp(v, "strict")) {
				fprintf(stderr, "pagelife: error: --policy must be 'mainline' or 'strict'\n");
				return 2;
			}
			cfg.policy = strcmp(v, "strict") ? PAGELIFE_POLICY_MAINLINE : PAGELIFE_POLICY_STRICT;
		} else if ((v = value(argc, argv, &i, "--checks"))) {
			cfg.checks = v;
		} else if ((v = value(argc, argv, &i, "--rules"))) {
			VEC_PUSH(rules, nrules, rules_cap, v);
		} else if ((v = value(argc, argv, &i, "--docs-url"))) {
			docs_url = v;
		} else {
			fprintf(stderr, "pagelife: error: unknown lsp option '%s'\n", argv[i]);
			usage(stderr);
			return 2;
		}
	}
	cfg.extra_rules = rules;
	cfg.nextra_rules = nrules;
	char *err;
	if (pagelife_session_open(&cfg, &sv.session, &err)) {
		fprintf(stderr, "pagelife: error: %s\n", err);
		free(err);
		free(rules);
		return 2;
	}
	sv.docs_base = docs_url ? xstrdup(docs_url) : default_docs_base();
	transport_init(&sv.io, STDIN_FILENO, stdout);
	int status = server_run(&sv);
	transport_free(&sv.io);
	documents_free(&sv.docs);
	pagelife_session_close(sv.session);
	free(sv.docs_base);
	free(rules);
	return status;
}
