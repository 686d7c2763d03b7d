#include "transport.h"
#include "util.h"

#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

void transport_init(struct lsp_transport *t, int in, FILE *out)
{
	memset(t, 0, sizeof(*t));
	t->in = in;
	t->out = out;
}

void transport_free(struct lsp_transport *t)
{
	free(t->buf);
	memset(t, 0, sizeof(*t));
}

static int fill(struct lsp_transport *t)
{
	if (t->eof)
		return 0;
	grow_array((void **)&t->buf, &t->cap, t->len + 65536, 1);
	ssize_t n;
	do
		n = read(t->in, t->buf + t->len, t->cap - t->len);
	while (n < 0 && errno == EINTR);
	if (n <= 0) {
		t->eof = 1;
		return 0;
	}
	t->len += (size_t)n;
	return 1;
}

static void consume(struct lsp_transport *t, size_t n)
{
	memmove(t->buf, t->buf + n, t->len - n);
	t->len -= n;
}

static const char *find_blank_line(const char *b, size_t len)
{
	for (size_t i = 0; i + 3 < len; i++)
		if (!memcmp(b + i, "\r\n\r\n", 4))
			return b + i;
	return NULL;
}

/* Content-Length from the header block [b, end); -1 if absent. */
static long content_length(const char *b, const char *end)
{
	while (b < end) {
		const char *eol = memchr(b, '\r', (size_t)(end - b));
		if (!eol)
			eol = end;
		static const char key[] = "Content-Length:";
		if ((size_t)(eol - b) > sizeof(key) - 1 && !strncasecmp(b, key, sizeof(key) - 1))
			return strtol(b + sizeof(key) - 1, NULL, 10);
		b = eol + 2;
	}
	return -1;
}

int transport_read(struct lsp_transport *t, json_t **msg)
{
	*msg = NULL;
	const char *hdr_end;
	while (!(hdr_end = find_blank_line(t->buf, t->len)))
		if (!fill(t))
			return 0;
	long n = content_length(t->buf, hdr_end);
	size_t body = (size_t)(hdr_end - t->buf) + 4;
	if (n < 0) {
		consume(t, body);
		return -1;
	}
	while (t->len < body + (size_t)n)
		if (!fill(t))
			return 0;
	json_error_t e;
	*msg = json_loadb(t->buf + body, (size_t)n, 0, &e);
	consume(t, body + (size_t)n);
	return *msg ? 1 : -1;
}

int transport_pending(struct lsp_transport *t)
{
	if (t->len)
		return 1;
	if (t->eof)
		return 0;
	struct pollfd p = { t->in, POLLIN, 0 };
	return poll(&p, 1, 0) > 0;
}

void transport_write(struct lsp_transport *t, json_t *msg)
{
	char *s = json_dumps(msg, JSON_COMPACT);
	fprintf(t->out, "Content-Length: %zu\r\n\r\n%s", strlen(s), s);
	fflush(t->out);
	free(s);
}
