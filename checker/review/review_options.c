/* The command line of `pagelife review`. */
#include "review_ctx.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

void review_usage(FILE *out)
{
	fputs("usage: pagelife review -p BUILD_DIR [options] BASE..HEAD\n"
	      "       pagelife review -p BUILD_DIR [options] --mbox FILE --base REV\n"
	      "\n"
	      "The findings each patch of a series adds and removes (docs/review.md).\n"
	      "\n"
	      "  -p DIR              the directory of the base's compile_commands.json\n"
	      "  -C DIR              the git repository (default: the current directory)\n"
	      "  --source-root=DIR   the tree the compile database was made for\n"
	      "                      (default: the repository's top level)\n"
	      "  --mbox=FILE         patches to apply with git am on top of --base\n"
	      "  --base=REV          the commit the mbox applies to\n"
	      "  --format=text|json  kernel-test-robot style text (default) or JSON\n"
	      "  --checks=GLOBS      as for pagelife: -*,page-ref-leak\n"
	      "  --policy=mainline|strict\n"
	      "  -j N                analyse N TUs at once\n"
	      "\n"
	      "Exit status: 0 no patch adds a finding, 1 some patch adds one, 2 error.\n",
	      out);
}

/* "--name=value" or "--name value" / "-x value"; NULL if arg is not name. */
static const char *value_of(const char *name, int argc, char **argv, int *i)
{
	size_t n = strlen(name);
	const char *a = argv[*i];
	if (strncmp(a, name, n))
		return NULL;
	if (a[n] == '=' && name[1] == '-')
		return a + n + 1;
	if (a[n])
		return name[1] == '-' ? NULL : a + n; /* -j2, -pDIR */
	if (*i + 1 >= argc)
		return NULL;
	return argv[++*i];
}

int review_options_parse(struct review_options *o, int argc, char **argv, char *err, size_t errlen)
{
	memset(o, 0, sizeof(*o));
	o->jobs = 1;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *v;
		if (!strcmp(a, "-h") || !strcmp(a, "--help"))
			o->help = 1;
		else if ((v = value_of("-p", argc, argv, &i)))
			o->build_dir = v;
		else if ((v = value_of("-C", argc, argv, &i)))
			o->repo_dir = v;
		else if ((v = value_of("--source-root", argc, argv, &i)))
			o->source_root = v;
		else if ((v = value_of("--mbox", argc, argv, &i)))
			o->mbox = v;
		else if ((v = value_of("--base", argc, argv, &i)))
			o->base = v;
		else if ((v = value_of("--checks", argc, argv, &i)))
			o->checks = v;
		else if ((v = value_of("--policy", argc, argv, &i))) {
			if (!strcmp(v, "mainline"))
				o->policy = PAGELIFE_POLICY_MAINLINE;
			else if (!strcmp(v, "strict"))
				o->policy = PAGELIFE_POLICY_STRICT;
			else {
				snprintf(err, errlen, "unknown policy '%s' (mainline or strict)", v);
				return -1;
			}
		} else if ((v = value_of("--format", argc, argv, &i))) {
			if (!strcmp(v, "text"))
				o->format = REVIEW_TEXT;
			else if (!strcmp(v, "json"))
				o->format = REVIEW_JSON;
			else {
				snprintf(err, errlen, "unknown format '%s' (text or json)", v);
				return -1;
			}
		} else if ((v = value_of("-j", argc, argv, &i))) {
			char *end;
			long n = strtol(v, &end, 10);
			if (*end || n < 1 || n > 256) {
				snprintf(err, errlen, "-j needs a number from 1 to 256, not '%s'", v);
				return -1;
			}
			o->jobs = (int)n;
		} else if (a[0] == '-') {
			snprintf(err, errlen, "unknown or incomplete option '%s' (see pagelife review --help)", a);
			return -1;
		} else if (!o->range) {
			o->range = a;
		} else {
			snprintf(err, errlen, "one range only ('%s' and '%s')", o->range, a);
			return -1;
		}
	}
	if (o->help)
		return 0;
	if (!o->build_dir) {
		snprintf(err, errlen, "review needs -p BUILD_DIR (the base's compile_commands.json)");
		return -1;
	}
	if (o->mbox && o->range) {
		snprintf(err, errlen, "give a range or --mbox, not both");
		return -1;
	}
	if (o->mbox && !o->base) {
		snprintf(err, errlen, "--mbox needs --base REV (the commit the patches apply to)");
		return -1;
	}
	if (!o->mbox && o->base) {
		snprintf(err, errlen, "--base goes with --mbox");
		return -1;
	}
	if (!o->mbox && (!o->range || !strstr(o->range, ".."))) {
		snprintf(err, errlen, "no series: give BASE..HEAD or --mbox FILE --base REV");
		return -1;
	}
	return 0;
}
