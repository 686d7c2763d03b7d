/* GCC-style diagnostics, as compilers and sparse print them. */
#include "report.h"

/* C string escapes, as clang quotes the file and the text. */
static void print_quoted(FILE *out, const char *s)
{
	fputc('"', out);
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			fprintf(out, "\\%c", *s);
		else if (*s == '\n')
			fputs("\\n", out);
		else
			fputc(*s, out);
	}
	fputc('"', out);
}

void report_print_fixit(FILE *out, const struct pagelife_fixit *x)
{
	fputs("fix-it:", out);
	print_quoted(out, x->begin.file);
	fprintf(out, ":{%u:%u-%u:%u}:", x->begin.line, x->begin.column, x->end.line, x->end.column);
	print_quoted(out, x->replacement);
	fputc('\n', out);
}

static void text_tu(struct report *r, const char *file, const struct pagelife_result *res)
{
	(void)file;
	for (size_t i = 0; i < res->nfindings; i++) {
		const struct pagelife_finding *f = &res->findings[i];
		fprintf(r->out, "%s:%u:%u: warning: %s [%s]\n", f->loc.file, f->loc.line, f->loc.column, f->message,
			f->check);
		for (size_t j = 0; j < f->nnotes; j++)
			fprintf(r->out, "%s:%u:%u: note: %s\n", f->notes[j].loc.file, f->notes[j].loc.line,
				f->notes[j].loc.column, f->notes[j].text);
		for (size_t j = 0; r->parseable_fixits && j < f->nfixits; j++)
			report_print_fixit(r->out, &f->fixits[j]);
	}
}

const struct report_ops report_text_ops = { text_tu, NULL };
