/* Each shard's output lists its TUs' findings in compile-database order,
 * every line naming its TU ("tu"); an unsharded run lists all TUs in that
 * order.  So: put every line at its TU's database position, keeping the
 * shard's order within a TU (a stable sort), and print the lines unchanged. */
#include "merge.h"
#include "pagelife.h"
#include "util.h"

#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct line {
	size_t tu;   /* position of its TU in the database */
	size_t seq;  /* position in the input, for a stable order */
	char *text;
};

struct lines {
	struct line *v;
	size_t n, cap;
};

static int by_tu(const void *pa, const void *pb)
{
	const struct line *a = pa, *b = pb;
	if (a->tu != b->tu)
		return a->tu < b->tu ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static int merge_error(const char *fmt, const char *a, const char *b)
{
	fprintf(stderr, "pagelife merge: error: ");
	fprintf(stderr, fmt, a, b);
	fputc('\n', stderr);
	return 2;
}

/* Read one shard's lines; 0, or an exit status. */
static int read_shard(const char *path, json_t *tu_index, struct lines *out)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return merge_error("%s: %s", path, strerror(errno));
	char *buf = NULL;
	size_t cap = 0;
	ssize_t len;
	unsigned lineno = 0;
	int status = 0;
	while (!status && (len = getline(&buf, &cap, f)) >= 0) {
		lineno++;
		while (len > 0 && (buf[len - 1] == '\n' || buf[len - 1] == '\r'))
			buf[--len] = '\0';
		if (!len)
			continue;
		json_error_t jerr;
		json_t *o = json_loads(buf, 0, &jerr);
		const char *tu = json_string_value(json_object_get(o, "tu"));
		char where[64];
		snprintf(where, sizeof(where), "%u", lineno);
		if (!tu) {
			status = merge_error("%s:%s: not a pagelife --format=json line with a \"tu\"", path, where);
		} else if (!json_object_get(tu_index, tu)) {
			status = merge_error("%s: TU %s is not in the compile database", path, tu);
		} else {
			struct line l = { (size_t)json_integer_value(json_object_get(tu_index, tu)), out->n, xstrdup(buf) };
			VEC_PUSH(out->v, out->n, out->cap, l);
		}
		json_decref(o);
	}
	free(buf);
	fclose(f);
	return status;
}

int merge_main(int argc, char **argv)
{
	const char *dir = NULL;
	int first = 1;
	for (; first < argc && argv[first][0] == '-'; first++) {
		if (!strcmp(argv[first], "-p") && first + 1 < argc)
			dir = argv[++first];
		else if (!strncmp(argv[first], "-p", 2) && argv[first][2])
			dir = argv[first] + 2;
		else if (!strcmp(argv[first], "--"))
			break;
		else
			return merge_error("unknown option '%s'%s (usage: pagelife merge -p DIR FILE...)", argv[first], "");
	}
	if (first < argc && !strcmp(argv[first], "--"))
		first++;
	if (!dir || first >= argc)
		return merge_error("usage: pagelife merge -p DIR SHARD.jsonl...%s%s", "", "");
	struct pagelife_commands db;
	char *msg;
	if (pagelife_compile_commands_load(dir, NULL, 0, &db, &msg)) {
		int st = merge_error("%s%s", msg, "");
		free(msg);
		return st;
	}
	json_t *tu_index = json_object(); /* file as the database names it -> first position */
	for (size_t i = 0; i < db.n; i++)
		if (!json_object_get(tu_index, db.v[i].file))
			json_object_set_new(tu_index, db.v[i].file, json_integer((json_int_t)i));
	pagelife_commands_free(&db);

	struct lines all = { 0 };
	int status = 0;
	for (int i = first; !status && i < argc; i++)
		status = read_shard(argv[i], tu_index, &all);
	if (!status) {
		if (all.n)
			qsort(all.v, all.n, sizeof(*all.v), by_tu);
		for (size_t i = 0; i < all.n; i++)
			printf("%s\n", all.v[i].text);
		status = all.n ? 1 : 0;
	}
	for (size_t i = 0; i < all.n; i++)
		free(all.v[i].text);
	free(all.v);
	json_decref(tu_index);
	return status;
}
