#include "uri.h"
#include "util.h"

#include <ctype.h>
#include <string.h>

static int hexval(char c)
{
	return isdigit((unsigned char)c) ? c - '0' : (tolower((unsigned char)c) - 'a' + 10);
}

char *uri_to_path(const char *uri)
{
	if (!str_starts(uri, "file://"))
		return NULL;
	const char *p = uri + 7; /* file:///x: an empty authority */
	struct strbuf sb = { 0 };
	for (; *p; p++) {
		if (*p == '%' && isxdigit((unsigned char)p[1]) && isxdigit((unsigned char)p[2])) {
			sb_addf(&sb, "%c", (char)(hexval(p[1]) * 16 + hexval(p[2])));
			p += 2;
		} else {
			sb_addf(&sb, "%c", *p);
		}
	}
	return sb_take(&sb);
}

char *uri_from_path(const char *path)
{
	struct strbuf sb = { 0 };
	sb_add(&sb, "file://");
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if (isalnum(*p) || strchr("/-._~", *p))
			sb_addf(&sb, "%c", *p);
		else
			sb_addf(&sb, "%%%02X", *p);
	}
	return sb_take(&sb);
}
