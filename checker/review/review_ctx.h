/* The state of one review run, shared by the files of checker/review/. */
#ifndef PAGELIFE_REVIEW_CTX_H
#define PAGELIFE_REVIEW_CTX_H

#include <stddef.h>
#include <stdio.h>

#include "pagelife.h"

enum review_format { REVIEW_TEXT, REVIEW_JSON };

struct review_options {
	const char *build_dir;   /* -p: holds compile_commands.json */
	const char *repo_dir;    /* -C, else the current directory */
	const char *source_root; /* --source-root, else the repository's top level */
	const char *range;       /* BASE..HEAD */
	const char *mbox, *base; /* --mbox FILE --base REV */
	const char *checks;      /* --checks= */
	enum pagelife_policy policy;
	enum review_format format;
	int jobs;
	int help;
};

/* A finding as a patch report shows it: paths relative to the source root. */
struct review_note {
	char *file;
	unsigned line, column;
	char *text;
};

struct review_finding {
	const char *check;
	char *file, *function, *message, *key;
	unsigned line, column;
	struct review_note *notes;
	size_t nnotes;
};

struct review_patch {
	char *commit, *parent, *subject;
	char **changed; /* files it changes, relative to the repository */
	size_t nchanged;
	size_t *tus;    /* indices into review_ctx.tus */
	size_t ntus;
	struct review_finding *added, *removed;
	size_t nadded, nremoved;
};

/* A TU of the compile database. */
struct review_tu {
	const struct pagelife_command *cmd;
	char *rel;        /* its file relative to the source root */
	char **includes;  /* relative to the source root; from its latest analysis */
	size_t nincludes;
	int analysed;     /* includes is known */
};

/* The analyses of TUs at one commit. */
struct review_state {
	char *commit;
	struct pagelife_result *res; /* [ntus] */
	unsigned char *done;
};

struct review_ctx {
	struct review_options opt;
	char *repo;       /* the repository's top level */
	char *root;       /* the tree the compile database describes */
	char *tmpdir;     /* ours; removed at the end */
	char *checkout;   /* tmpdir/tree: the temporary worktree */
	char *checked_out;/* the commit the checkout is at */
	struct pagelife_session *session;
	struct pagelife_commands cmds;
	struct review_tu *tus;
	size_t ntus;
	struct review_state *states;
	size_t nstates, cstates;
	struct review_patch *patches;
	size_t npatches;
	int failed;       /* a TU could not be analysed */
};

/* review_options.c */
int review_options_parse(struct review_options *o, int argc, char **argv, char *err, size_t errlen);
void review_usage(FILE *out);

/* review_worktree.c: the temporary checkout.  0, or -1 after a message. */
int review_worktree_open(struct review_ctx *c, const char *commit);
int review_worktree_checkout(struct review_ctx *c, const char *commit);
int review_worktree_am(struct review_ctx *c, const char *mbox);
void review_worktree_close(struct review_ctx *c);

/* review_series.c: the patches of opt.range, or of the mbox applied in the
 * checkout on top of base.  0, or -1 after a message. */
int review_series_load(struct review_ctx *c, const char *range);
/* Line numbers (new side) the patch added to file (relative), 0-terminated
 * list in *lines; malloc'ed. */
void review_patch_added_lines(const struct review_ctx *c, const struct review_patch *p, const char *file,
			      unsigned **lines, size_t *nlines);
/* The file (relative) at commit, NULL if it has none. */
char *review_file_at(const struct review_ctx *c, const char *commit, const char *file);

/* review_analyse.c */
int review_analyse_series(struct review_ctx *c);
void review_finding_free(struct review_finding *f);
void review_ctx_free_analyses(struct review_ctx *c);

/* review_text.c, review_json.c */
void review_print_text(const struct review_ctx *c, FILE *out);
void review_print_json(const struct review_ctx *c, FILE *out);

#endif
