#include "compdb_map.h"
#include "tree_paths.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

struct arglist {
	char **v;
	size_t n, cap;
};

static void push(struct arglist *a, char *s)
{
	VEC_PUSH(a->v, a->n, a->cap, s);
}

/* The checkout's copy of an absolute path under the root, or NULL. */
static char *in_checkout(const char *abs, const char *root, const char *checkout, int must_exist)
{
	const char *rel = path_under(abs, root);
	if (!rel && strcmp(abs, root))
		return NULL;
	char *p = rel ? xasprintf("%s/%s", checkout, rel) : xstrdup(checkout);
	if (must_exist && !path_exists(p)) {
		free(p);
		return NULL;
	}
	return p;
}

/* A file the preprocessor reads (-include): the checkout's if it has one. */
static char *map_file(const char *path, const char *dir, const char *root, const char *checkout)
{
	char *abs = path_join_normal(dir, path);
	char *m = in_checkout(abs, root, checkout, 1);
	if (!m)
		return abs;
	free(abs);
	return m;
}

/* An include directory: the checkout's first, then the original. */
static void push_dir(struct arglist *a, const char *flag, const char *path, const char *dir, const char *root,
		     const char *checkout)
{
	char *abs = path_join_normal(dir, path);
	char *m = in_checkout(abs, root, checkout, 1);
	if (m) {
		push(a, xstrdup(flag));
		push(a, m);
	}
	push(a, xstrdup(flag));
	push(a, abs);
}

static const char *const dir_flags[] = { "-I", "-iquote", "-isystem", "-idirafter", NULL };
static const char *const file_flags[] = { "-include", "-imacros", NULL };

static const char *match_joined(const char *a, const char *const *flags, const char **value)
{
	for (int i = 0; flags[i]; i++) {
		size_t n = strlen(flags[i]);
		if (!strncmp(a, flags[i], n)) {
			*value = a[n] ? a + n : NULL;
			return flags[i];
		}
	}
	return NULL;
}

void compdb_map(const struct pagelife_command *cmd, const char *root, const char *checkout, char **file,
		char ***args, size_t *nargs)
{
	const char *dir = cmd->directory;
	struct arglist a = { 0 };
	char *abs_file = path_join_normal(dir, cmd->file);
	char *mapped_file = in_checkout(abs_file, root, checkout, 0);
	*file = mapped_file ? mapped_file : xstrdup(abs_file);
	free(abs_file);
	for (size_t i = 0; i < cmd->nargs; i++) {
		const char *arg = cmd->args[i], *value = NULL, *flag;
		int has_next = i + 1 < cmd->nargs;
		if (!strcmp(arg, "-working-directory") && has_next) {
			char *abs = path_join_normal(NULL, cmd->args[++i]);
			char *m = in_checkout(abs, root, checkout, 1);
			push(&a, xstrdup(arg));
			push(&a, m ? m : xstrdup(abs));
			free(abs);
		} else if ((flag = match_joined(arg, dir_flags, &value)) && (value || has_next)) {
			push_dir(&a, flag, value ? value : cmd->args[++i], dir, root, checkout);
		} else if ((flag = match_joined(arg, file_flags, &value)) && (value || has_next)) {
			push(&a, xstrdup(flag));
			push(&a, map_file(value ? value : cmd->args[++i], dir, root, checkout));
		} else {
			push(&a, xstrdup(arg));
		}
	}
	*args = a.v;
	*nargs = a.n;
}
