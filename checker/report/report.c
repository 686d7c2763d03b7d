#include "report.h"

#include <stdlib.h>
#include <string.h>

int report_format_parse(const char *name, enum report_format *out)
{
	if (name && !strcmp(name, "text"))
		*out = REPORT_TEXT;
	else if (name && !strcmp(name, "json"))
		*out = REPORT_JSON;
	else if (name && !strcmp(name, "sarif"))
		*out = REPORT_SARIF;
	else
		return -1;
	return 0;
}

struct report *report_open(enum report_format fmt, FILE *out)
{
	struct report *r = calloc(1, sizeof(*r));
	if (!r)
		abort();
	r->out = out;
	switch (fmt) {
	case REPORT_TEXT:
		r->ops = &report_text_ops;
		break;
	case REPORT_JSON:
		r->ops = &report_json_ops;
		break;
	case REPORT_SARIF:
		r->ops = &report_sarif_ops;
		report_sarif_init(r);
		break;
	}
	return r;
}

void report_tu(struct report *r, const char *file, const struct pagelife_result *res)
{
	r->ops->tu(r, file, res);
	fflush(r->out);
}

void report_close(struct report *r)
{
	if (r->ops->close)
		r->ops->close(r);
	fflush(r->out);
	free(r);
}
