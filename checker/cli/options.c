#include "options.h"
#include "shard.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Compiler flags accepted without "--", as kbuild passes them to CHECK=
 * (sparse's CHECKFLAGS plus the compiler's c_flags). */
static const char *const flag_prefixes[] = {
	"-D", "-U", "-I", "-W", "-f", "-m", "-O", "-g", "-std=", "-include", "-isystem", "-iquote", "-idirafter",
	"-imacros", "-nostdinc", "-nostdlib", "--param", "--arch=", "-x", "-pipe", "-c", "-E", "-S", "-o", "-M",
	"-pg", "-ansi", "-pedantic", "-w", "--target=", "-target", "-Q", "-G", "-isysroot", "--sysroot", "-mllvm",
	"-Xclang", "-no-integrated-as", "-integrated-as", "-specs=", "-gcc-toolchain", "--gcc-toolchain=",
	"-Xassembler", "-Xlinker", "-P", "-C", "-undef", "-print", "-shared", "-static", "-nostartfiles",
	NULL,
};

/* Flags whose value is the next argument when not glued to them. */
static const char *const flags_with_value[] = {
	"-include", "-isystem", "-iquote", "-idirafter", "-imacros", "-o", "-MF", "-MT", "-MQ", "-x", "--param",
	"-target", "-mllvm", "-Xclang", "-isysroot", "--sysroot", "-gcc-toolchain", "-Xassembler", "-Xlinker",
	"-D", "-U", "-I", NULL,
};

static int is_compiler_flag(const char *a)
{
	for (int i = 0; flag_prefixes[i]; i++)
		if (str_starts(a, flag_prefixes[i]))
			return 1;
	return 0;
}

static int takes_value(const char *a)
{
	for (int i = 0; flags_with_value[i]; i++)
		if (!strcmp(a, flags_with_value[i]))
			return 1;
	return 0;
}

static void add_cflag(struct pl_options *o, const char *a)
{
	VEC_PUSH(o->cflags, o->ncflags, o->cflags_cap, xstrdup(a));
}

/* --name=value or --name value: returns the value, advancing *i. */
static const char *opt_value(int argc, char **argv, int *i, const char *name, int *matched)
{
	size_t n = strlen(name);
	const char *a = argv[*i];
	*matched = 0;
	if (strncmp(a, name, n) != 0)
		return NULL;
	if (a[n] == '=') {
		*matched = 1;
		return a + n + 1;
	}
	if (a[n] == '\0') {
		*matched = 1;
		if (*i + 1 < argc)
			return argv[++*i];
		return NULL;
	}
	return NULL;
}

static int parse_jobs(const char *s, int *out)
{
	char *end;
	long v = s ? strtol(s, &end, 10) : 0;
	if (!s || !*s || *end || v < 1 || v > 1024)
		return -1;
	*out = (int)v;
	return 0;
}

/* SIZE with an optional K, M or G suffix (powers of 1024); 0 means no limit. */
static int parse_size(const char *s, unsigned long long *out)
{
	char *end;
	if (!s || *s < '0' || *s > '9')
		return -1;
	unsigned long long v = strtoull(s, &end, 10);
	int shift = 0;
	switch (*end) {
	case 'k': case 'K': shift = 10; end++; break;
	case 'm': case 'M': shift = 20; end++; break;
	case 'g': case 'G': shift = 30; end++; break;
	}
	if (*end == 'i' && shift) /* KiB, MiB, GiB */
		end++;
	if (*end == 'B' && shift)
		end++;
	if (*end || v > (~0ULL >> shift))
		return -1;
	*out = v << shift;
	return 0;
}

static int parse_seconds(const char *s, unsigned *out)
{
	char *end;
	if (!s || *s < '0' || *s > '9')
		return -1;
	unsigned long v = strtoul(s, &end, 10);
	if (*end || v > 1000000)
		return -1;
	*out = (unsigned)v;
	return 0;
}

int options_parse(struct pl_options *o, int argc, char **argv, char *err, size_t errlen)
{
	memset(o, 0, sizeof(*o));
	o->jobs = 1;
	o->max_memory = PL_DEFAULT_MAX_MEMORY;
	o->timeout = PL_DEFAULT_TIMEOUT;
	o->enabled = malloc(pagelife_check_count());
	memset(o->enabled, 1, pagelife_check_count());
	const char *checks_spec = NULL;
	/* kbuild exports KBUILD_CHECKSRC when it runs CHECK= (C=1 / C=2) */
	o->kbuild = getenv("KBUILD_CHECKSRC") != NULL && getenv("KBUILD_CHECKSRC")[0] != '\0' &&
		    strcmp(getenv("KBUILD_CHECKSRC"), "0") != 0;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char *v;
		int m;
		if (!strcmp(a, "--")) {
			for (i++; i < argc; i++)
				add_cflag(o, argv[i]);
			break;
		}
		if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			o->help = 1;
		} else if (!strcmp(a, "--version")) {
			o->version = 1;
		} else if (!strcmp(a, "--list-checks")) {
			o->list_checks = 1;
		} else if (!strcmp(a, "--stats")) {
			o->stats = 1;
		} else if (!strcmp(a, "--parseable-fixits") || !strcmp(a, "-fdiagnostics-parseable-fixits")) {
			o->parseable_fixits = 1;
		} else if ((v = opt_value(argc, argv, &i, "--export-fixes", &m)) || m) {
			if (!v || !*v) {
				snprintf(err, errlen, "--export-fixes needs a file name");
				return -1;
			}
			o->export_fixes = v;
		} else if (!strcmp(a, "--dump-cfg")) {
			o->dump_cfg = 1;
		} else if (!strcmp(a, "--kbuild")) {
			o->kbuild = 1;
		} else if (!strcmp(a, "--warn-unused-suppressions")) {
			o->warn_unused_suppressions = 1;
		} else if ((v = opt_value(argc, argv, &i, "--baseline", &m)) || m) {
			if (!v || !*v) {
				snprintf(err, errlen, "--baseline needs a file (written by --write-baseline)");
				return -1;
			}
			o->baseline = v;
		} else if ((v = opt_value(argc, argv, &i, "--write-baseline", &m)) || m) {
			if (!v || !*v) {
				snprintf(err, errlen, "--write-baseline needs a file");
				return -1;
			}
			o->write_baseline = v;
		} else if ((v = opt_value(argc, argv, &i, "--fail-on", &m)) || m) {
			if (v && !strcmp(v, "new"))
				o->fail_on = FAIL_ON_NEW;
			else if (v && !strcmp(v, "any"))
				o->fail_on = FAIL_ON_ANY;
			else if (v && !strcmp(v, "none"))
				o->fail_on = FAIL_ON_NONE;
			else {
				snprintf(err, errlen, "--fail-on must be 'new', 'any' or 'none', not '%s'", v ? v : "");
				return -1;
			}
		} else if (!strcmp(a, "--no-cache")) {
			o->no_cache = 1;
		} else if (!strcmp(a, "--no-prefilter")) {
			o->no_prefilter = 1;
		} else if ((v = opt_value(argc, argv, &i, "--cache-dir", &m)) || m) {
			if (!v || !*v) {
				snprintf(err, errlen, "--cache-dir needs a directory");
				return -1;
			}
			o->cache_dir = v;
		} else if ((v = opt_value(argc, argv, &i, "--summaries", &m)) || m) {
			if (!v || !*v) {
				snprintf(err, errlen, "--summaries needs a file (the summary database)");
				return -1;
			}
			o->summaries = v;
		} else if ((v = opt_value(argc, argv, &i, "--shard", &m)) || m) {
			if (shard_parse(v, &o->shard_k, &o->shard_n)) {
				snprintf(err, errlen, "--shard must be K/N with 1 <= K <= N, not '%s'", v ? v : "");
				return -1;
			}
		} else if ((v = opt_value(argc, argv, &i, "--policy", &m)) || m) {
			if (v && !strcmp(v, "mainline"))
				o->policy = PAGELIFE_POLICY_MAINLINE;
			else if (v && !strcmp(v, "strict"))
				o->policy = PAGELIFE_POLICY_STRICT;
			else {
				snprintf(err, errlen, "--policy must be 'mainline' or 'strict', not '%s'", v ? v : "");
				return -1;
			}
		} else if ((v = opt_value(argc, argv, &i, "--checks", &m)) || m) {
			if (!v) {
				snprintf(err, errlen, "--checks needs a list, e.g. --checks='-*,page-rcu-escape'");
				return -1;
			}
			checks_spec = v;
		} else if ((v = opt_value(argc, argv, &i, "--rules", &m)) || m) {
			if (!v) {
				snprintf(err, errlen, "--rules needs a file or directory");
				return -1;
			}
			VEC_PUSH(o->rules, o->nrules, o->rules_cap, xstrdup(v));
		} else if ((v = opt_value(argc, argv, &i, "--max-memory", &m)) || m) {
			if (parse_size(v, &o->max_memory)) {
				snprintf(err, errlen, "--max-memory needs a size such as 4G, 512M or 0 (no limit), not '%s'",
					 v ? v : "");
				return -1;
			}
		} else if ((v = opt_value(argc, argv, &i, "--timeout", &m)) || m) {
			if (parse_seconds(v, &o->timeout)) {
				snprintf(err, errlen, "--timeout needs a number of seconds (0: no limit), not '%s'",
					 v ? v : "");
				return -1;
			}
		} else if ((v = opt_value(argc, argv, &i, "--format", &m)) || m) {
			if (report_format_parse(v, &o->format)) {
				snprintf(err, errlen, "--format must be 'text', 'json' or 'sarif', not '%s'", v ? v : "");
				return -1;
			}
		} else if (!strcmp(a, "-p") || (str_starts(a, "-p") && !is_compiler_flag(a))) {
			/* -pg, -pipe, -pedantic are the compiler's, -pDIR is ours */
			o->compdb_dir = a[2] ? a + 2 : (i + 1 < argc ? argv[++i] : NULL);
			if (!o->compdb_dir) {
				snprintf(err, errlen, "-p needs the directory that holds compile_commands.json");
				return -1;
			}
		} else if (!strcmp(a, "-j") || (str_starts(a, "-j") && a[2] >= '0' && a[2] <= '9') ||
			   str_starts(a, "--jobs")) {
			const char *s = str_starts(a, "--jobs") ? (a[6] == '=' ? a + 7 : (i + 1 < argc ? argv[++i] : NULL))
								: (a[2] ? a + 2 : (i + 1 < argc ? argv[++i] : NULL));
			if (parse_jobs(s, &o->jobs)) {
				snprintf(err, errlen, "-j needs a number of parallel jobs from 1 to 1024");
				return -1;
			}
		} else if (a[0] == '-' && a[1] != '\0' && is_compiler_flag(a)) {
			/* sparse-style invocation: compiler flags mixed with the file */
			o->sparse_style = 1;
			add_cflag(o, a);
			if (takes_value(a) && i + 1 < argc)
				add_cflag(o, argv[++i]);
		} else if (a[0] == '-' && a[1] != '\0') {
			snprintf(err, errlen, "unknown option '%s' (see --help; compiler flags go after '--')", a);
			return -1;
		} else {
			VEC_PUSH(o->files, o->nfiles, o->files_cap, xstrdup(a));
		}
	}
	o->checks = checks_spec;
	char *msg;
	if (checks_spec && pagelife_select_checks(checks_spec, o->enabled, &msg)) {
		snprintf(err, errlen, "%s", msg);
		free(msg);
		return -1;
	}
	return 0;
}

void options_free(struct pl_options *o)
{
	for (size_t i = 0; i < o->nrules; i++)
		free(o->rules[i]);
	for (size_t i = 0; i < o->nfiles; i++)
		free(o->files[i]);
	for (size_t i = 0; i < o->ncflags; i++)
		free(o->cflags[i]);
	free(o->rules);
	free(o->files);
	free(o->cflags);
	free(o->enabled);
	memset(o, 0, sizeof(*o));
}

void options_usage(FILE *out)
{
	fputs("usage: pagelife [options] FILE.c... [-- compiler flags]\n"
	      "       pagelife [options] -p BUILD_DIR [FILE...]\n"
	      "       pagelife [compiler flags] FILE.c          (as kbuild's CHECK=, like sparse)\n"
	      "       pagelife review -p BUILD_DIR BASE..HEAD   (what each patch adds: pagelife review --help)\n"
	      "       pagelife lsp [--compile-commands-dir=DIR] [--max-tus=N]   (language server; docs/editors.md)\n"
	      "       pagelife merge -p BUILD_DIR SHARD.jsonl...  (combine --shard --format=json outputs)\n"
	      "       pagelife summarise -p BUILD_DIR --summaries=FILE [-j N] [--shard=K/N]\n"
	      "                                   (cross-TU summaries into an SQLite file; only changed TUs)\n"
	      "       pagelife summarise merge OUT.db SHARD.db...  (combine the summary files of shards)\n"
	      "\n"
	      "Finds struct page lifetime misuse in Linux kernel C code.\n"
	      "\n"
	      "options:\n"
	      "  -p DIR              read DIR/compile_commands.json; no FILE: check every TU in it\n"
	      "  -j N, --jobs=N      analyse N translation units in parallel (output order is fixed)\n"
	      "  --policy=P          mainline (default: pfn_to_online_page() is a guard) or strict\n"
	      "  --checks=LIST       enable/disable checks by id glob, e.g. '-*,page-rcu-escape'\n"
	      "  --rules=PATH        add rules from a YAML file or directory (overrides built-in ones)\n"
	      "  --format=FMT        text (default, GCC-style), json (one finding per line) or sarif (SARIF 2.1.0)\n"
	      "  --parseable-fixits  print each fix-it after its finding as clang does:\n"
	      "                      fix-it:\"FILE\":{L:C-L:C}:\"TEXT\"\n"
	      "  --export-fixes=FILE write the fix-its as clang-apply-replacements YAML\n"
	      "  --max-memory=SIZE   memory budget of each TU's worker process (K/M/G suffix; default 4G;\n"
	      "                      0: none); a TU over it is abandoned, the run goes on\n"
	      "  --timeout=SECONDS   time budget of each TU (default 300; 0: none)\n"
	      "  --stats             print TU and finding counts to stderr\n"
	      "  --cache-dir=DIR     reuse results of unchanged TUs from DIR (default $XDG_CACHE_HOME/pagelife)\n"
	      "  --no-cache          neither read nor write the result cache\n"
	      "  --no-prefilter      with -p, analyse even the TUs that mention no rule's API\n"
	      "  --shard=K/N         analyse share K of N of the TUs (CI runners; then pagelife merge)\n"
	      "  --summaries=FILE    use the cross-TU summaries of FILE (written by pagelife summarise) for\n"
	      "                      calls of functions defined in other TUs\n"
	      "  --kbuild            findings do not fail the run (set automatically under kbuild C=1/C=2)\n"
	      "  --baseline=FILE     report only findings whose fingerprint is not in FILE\n"
	      "  --write-baseline=FILE  write the fingerprints of this run's findings to FILE\n"
	      "  --fail-on=WHEN      exit 1 on 'new' findings (default: not in the baseline), 'any', or 'none'\n"
	      "  --warn-unused-suppressions  report NOLINT comments that silenced no finding\n"
	      "  --list-checks       list the checks and exit\n"
	      "  --dump-cfg          print each function's control-flow graph (debugging)\n"
	      "  --version, --help\n"
	      "\n"
	      "exit status: 0 no findings, 1 findings (see --fail-on), 2 usage or input error, or a TU\n"
	      "             abandoned (crashed, over its memory or time budget)\n",
	      out);
}
