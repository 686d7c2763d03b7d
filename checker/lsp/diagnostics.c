#include "diagnostics.h"
#include "uri.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

/* UTF-16 code units in the UTF-8 bytes [s, s + n): 4-byte sequences are
 * surrogate pairs (two units), the other lead bytes one, continuation
 * bytes none. */
static unsigned utf16_units(const unsigned char *s, size_t n)
{
	unsigned u = 0;
	for (size_t i = 0; i < n; i++) {
		if ((s[i] & 0xC0) == 0x80)
			continue;
		u += s[i] >= 0xF0 ? 2 : 1;
	}
	return u;
}

json_t *lsp_position(const char *text, size_t len, unsigned line, unsigned column)
{
	unsigned l = line ? line - 1 : 0;
	size_t bytes = column ? column - 1 : 0;
	const char *p = text, *end = text ? text + len : NULL;
	for (unsigned i = 0; p && i < l && p < end; i++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		p = nl ? nl + 1 : end;
	}
	unsigned ch = (unsigned)bytes; /* no text: bytes are the best guess */
	if (p) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t linelen = (size_t)((nl ? nl : end) - p);
		ch = utf16_units((const unsigned char *)p, bytes < linelen ? bytes : linelen);
	}
	return json_pack("{s:i, s:i}", "line", (json_int_t)l, "character", (json_int_t)ch);
}

json_t *lsp_fixit_range(const char *text, size_t len, const struct pagelife_fixit *x)
{
	return json_pack("{s:o, s:o}", "start", lsp_position(text, len, x->begin.line, x->begin.column), "end",
			 lsp_position(text, len, x->end.line, x->end.column));
}

/* The end of the identifier at the location (or one byte on): findings
 * point at a name or the start of a call. */
static unsigned word_end_column(const char *text, size_t len, const struct pagelife_location *l)
{
	size_t off = l->offset;
	if (!text || off >= len)
		return l->column + 1;
	size_t e = off;
	while (e < len && (text[e] == '_' || (text[e] >= 'a' && text[e] <= 'z') || (text[e] >= 'A' && text[e] <= 'Z') ||
			   (text[e] >= '0' && text[e] <= '9')))
		e++;
	if (e == off)
		e++;
	return l->column + (unsigned)(e - off);
}

static json_t *range_at(const char *text, size_t len, const struct pagelife_location *l)
{
	return json_pack("{s:o, s:o}", "start", lsp_position(text, len, l->line, l->column), "end",
			 lsp_position(text, len, l->line, word_end_column(text, len, l)));
}

static char *read_whole(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	struct strbuf sb = { 0 };
	char buf[65536];
	size_t n;
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0) {
		grow_array((void **)&sb.buf, &sb.cap, sb.len + n + 1, 1);
		memcpy(sb.buf + sb.len, buf, n);
		sb.len += n;
		sb.buf[sb.len] = '\0';
	}
	fclose(f);
	*len = sb.len;
	return sb_take(&sb);
}

static json_t *related(const struct pagelife_note *n, const struct pagelife_location *main_loc, const char *text,
		       size_t len)
{
	const char *t = text;
	size_t tl = len;
	char *other = NULL;
	if (strcmp(n->loc.file, main_loc->file) != 0) { /* a header: its text from disk */
		other = read_whole(n->loc.file, &tl);
		t = other;
	}
	char *uri = uri_from_path(n->loc.file);
	json_t *loc = json_pack("{s:s, s:o}", "uri", uri, "range", range_at(t, tl, &n->loc));
	free(uri);
	free(other);
	return json_pack("{s:o, s:s}", "location", loc, "message", n->text);
}

json_t *diagnostic_from_finding(const struct pagelife_finding *f, const char *text, size_t len,
				const char *docs_base)
{
	char *href = xasprintf("%s/%s.md", docs_base, f->check);
	json_t *d = json_pack("{s:o, s:i, s:s, s:s, s:{s:s}, s:s}", "range", range_at(text, len, &f->loc), "severity",
			      (json_int_t)2 /* Warning */, "source", "pagelife", "code", f->check, "codeDescription",
			      "href", href, "message", f->message);
	free(href);
	if (f->nnotes) {
		json_t *rel = json_array();
		for (size_t i = 0; i < f->nnotes; i++)
			json_array_append_new(rel, related(&f->notes[i], &f->loc, text, len));
		json_object_set_new(d, "relatedInformation", rel);
	}
	return d;
}
