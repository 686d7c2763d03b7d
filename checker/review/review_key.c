#include "review_key.h"
#include "util.h"

char *review_key(const struct pagelife_finding *f, const char *rel_file)
{
	if (f->fingerprint)
		return xstrdup(f->fingerprint);
	return xasprintf("%s|%s|%s|%s", f->check, rel_file, f->function ? f->function : "", f->message);
}
