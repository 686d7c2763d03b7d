/* A summary describes a non-static function that takes or returns pages
 * (engine/summary.c page_signature()); such a definition spells its page
 * type in the TU's own file. A TU whose file names none has nothing to
 * summarise, so the summary pass need not parse it. */
#include "page_signatures.h"
#include "digest.h"
#include "shard.h"
#include "util.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static int ident_char(char c)
{
	return isalnum((unsigned char)c) || c == '_';
}

/* word at text[i], with token boundaries on both sides */
static int word_at(const char *text, size_t n, size_t i, const char *word)
{
	size_t w = strlen(word);
	return i + w <= n && !memcmp(text + i, word, w) && (i == 0 || !ident_char(text[i - 1])) &&
	       (i + w == n || !ident_char(text[i + w]));
}

int text_names_page_type(const char *text, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (word_at(text, n, i, "pgtable_t"))
			return 1;
		if (!word_at(text, n, i, "struct"))
			continue;
		size_t j = i + 6;
		while (j < n && isspace((unsigned char)text[j]))
			j++;
		if (word_at(text, n, j, "page") || word_at(text, n, j, "folio"))
			return 1;
	}
	return 0;
}

size_t page_signature_jobs(struct pagelife_commands *jobs)
{
	unsigned char *keep = xcalloc(jobs->n ? jobs->n : 1, 1);
	size_t dropped = 0;
	for (size_t i = 0; i < jobs->n; i++) {
		const struct pagelife_command *job = &jobs->v[i];
		char *path = job->file[0] == '/' || !job->directory ? xstrdup(job->file)
								     : xasprintf("%s/%s", job->directory, job->file);
		size_t len;
		char *text = read_whole_file(path, &len);
		keep[i] = (unsigned char)(!text || text_names_page_type(text, len));
		dropped += !keep[i];
		free(text);
		free(path);
	}
	jobs_keep(jobs, keep);
	free(keep);
	return dropped;
}
