/* The report as text, in the form of the kernel test robot's: per patch
 * its subject, each new warning with the source around it (lines the patch
 * added marked ">>"), its notes, then the warnings the patch removed. */
#include "review_ctx.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

enum { CONTEXT_LINES = 3 };

static int has_line(const unsigned *lines, size_t n, unsigned l)
{
	for (size_t i = 0; i < n; i++)
		if (lines[i] == l)
			return 1;
	return 0;
}

/* "vim +LINE FILE" and the lines around the warning, from the patch's commit. */
static void quote_source(const struct review_ctx *c, const struct review_patch *p, const struct review_finding *f,
			 FILE *out)
{
	char *text = review_file_at(c, p->commit, f->file);
	if (!text)
		return;
	unsigned *added;
	size_t nadded;
	review_patch_added_lines(c, p, f->file, &added, &nadded);
	fprintf(out, "\nvim +%u %s\n\n", f->line, f->file);
	unsigned first = f->line > CONTEXT_LINES ? f->line - CONTEXT_LINES : 1, last = f->line + CONTEXT_LINES;
	unsigned l = 1;
	for (char *s = text; *s && l <= last; l++) {
		char *nl = strchr(s, '\n');
		size_t len = nl ? (size_t)(nl - s) : strlen(s);
		if (l >= first)
			fprintf(out, "%s%5u\t%.*s\n", has_line(added, nadded, l) ? ">>" : "  ", l, (int)len, s);
		s += len + (nl ? 1 : 0);
	}
	free(added);
	free(text);
}

/* A warning in a file the patch leaves alone came through a header it
 * changed: say which files it does change. */
static void name_changed_files(const struct review_patch *p, const struct review_finding *f, FILE *out)
{
	for (size_t i = 0; i < p->nchanged; i++)
		if (!strcmp(p->changed[i], f->file))
			return;
	fprintf(out, "\nThis patch does not change %s; it changes:", f->file);
	for (size_t i = 0; i < p->nchanged; i++)
		fprintf(out, " %s", p->changed[i]);
	fprintf(out, "\n");
}

static void print_added(const struct review_ctx *c, const struct review_patch *p, const struct review_finding *f,
			FILE *out)
{
	fprintf(out, "\n");
	if (*f->function)
		fprintf(out, "%s: In function '%s':\n", f->file, f->function);
	fprintf(out, "%s:%u:%u: warning: %s [%s]\n", f->file, f->line, f->column, f->message, f->check);
	quote_source(c, p, f, out);
	name_changed_files(p, f, out);
	if (f->nnotes)
		fprintf(out, "\n");
	for (size_t i = 0; i < f->nnotes; i++)
		fprintf(out, "%s:%u:%u: note: %s\n", f->notes[i].file, f->notes[i].line, f->notes[i].column,
			f->notes[i].text);
}

static void print_patch(const struct review_ctx *c, size_t idx, FILE *out)
{
	const struct review_patch *p = &c->patches[idx];
	fprintf(out, "[PATCH %zu/%zu] %s\n", idx + 1, c->npatches, p->subject);
	fprintf(out, "commit %.12s\n", p->commit);
	fprintf(out, "TUs:");
	for (size_t i = 0; i < p->ntus; i++)
		fprintf(out, " %s", c->tus[p->tus[i]].rel);
	fprintf(out, "%s\n", p->ntus ? "" : " none");
	if (!p->nadded && !p->nremoved) {
		fprintf(out, "\nNo new warnings, none removed.\n");
		return;
	}
	if (p->nadded) {
		fprintf(out, "\nNew warnings (lines this patch added are prefixed by >>):\n");
		for (size_t i = 0; i < p->nadded; i++)
			print_added(c, p, &p->added[i], out);
	}
	if (p->nremoved) {
		fprintf(out, "\nWarnings this patch removes:\n\n");
		for (size_t i = 0; i < p->nremoved; i++) {
			const struct review_finding *f = &p->removed[i];
			if (*f->function)
				fprintf(out, "%s: In function '%s':\n", f->file, f->function);
			fprintf(out, "%s:%u:%u: warning: %s [%s]\n", f->file, f->line, f->column, f->message, f->check);
		}
	}
}

void review_print_text(const struct review_ctx *c, FILE *out)
{
	size_t adding = 0, added = 0, removing = 0, removed = 0;
	for (size_t i = 0; i < c->npatches; i++) {
		if (i)
			fprintf(out, "\n");
		print_patch(c, i, out);
		adding += c->patches[i].nadded != 0;
		added += c->patches[i].nadded;
		removing += c->patches[i].nremoved != 0;
		removed += c->patches[i].nremoved;
	}
	fprintf(out, "\npagelife review: %zu patch%s, %zu new warning%s in %zu, %zu removed in %zu\n", c->npatches,
		c->npatches == 1 ? "" : "es", added, added == 1 ? "" : "s", adding, removed, removing);
}
