#include "tree_paths.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

char *path_join_normal(const char *base, const char *path)
{
	char *full = (base && path[0] != '/') ? xasprintf("%s/%s", base, path) : xstrdup(path);
	/* split on '/', keep a stack of components */
	size_t n = strlen(full);
	char **parts = xcalloc(n / 2 + 2, sizeof(*parts));
	size_t np = 0;
	for (char *save = NULL, *tok = strtok_r(full, "/", &save); tok; tok = strtok_r(NULL, "/", &save)) {
		if (!strcmp(tok, "."))
			continue;
		if (!strcmp(tok, "..")) {
			if (np)
				np--;
			continue;
		}
		parts[np++] = tok;
	}
	struct strbuf sb = { 0 };
	int absolute = (base && path[0] != '/') ? base[0] == '/' : path[0] == '/';
	for (size_t i = 0; i < np; i++)
		sb_addf(&sb, "%s%s", (i || absolute) ? "/" : "", parts[i]);
	if (!np)
		sb_add(&sb, absolute ? "/" : ".");
	free(parts);
	free(full);
	return sb_take(&sb);
}

const char *path_under(const char *path, const char *root)
{
	size_t n = strlen(root);
	while (n > 1 && root[n - 1] == '/')
		n--;
	if (strncmp(path, root, n) || path[n] != '/')
		return NULL;
	return path + n + 1;
}

int path_exists(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0;
}
