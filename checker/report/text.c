/* GCC-style diagnostics, as compilers and sparse print them. */
#include "report.h"

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
	}
}

const struct report_ops report_text_ops = { text_tu, NULL };
