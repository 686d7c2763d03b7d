/* Locking rules written in a function's leading comment (comment_contract.h).
 * A sentence states a contract when it requires something of the caller
 * ("must be called with", "caller must hold", "must be held", "call me
 * with", "called with ... held") and names a lock with a known scope; a
 * sentence that forbids ("must not", "without") states none. */
#include "comment_contract.h"
#include "contract.h"

#include <ctype.h>
#include <string.h>

/* Phrases that make a sentence a requirement on the caller. */
static const char *const requires[] = {
	"must be called with", "must be called under", "must be called while holding", "caller must hold",
	"callers must hold", "caller holds", "caller should hold", "must hold", "must be held", "call me with",
	"called with", "called under", "expects",
};

static const char *const forbids[] = { "must not", "mustn't", "without", "not be held", "not held", "drops", "releases" };

/* Locks with a scope, longest first: "mem_hotplug_lock in write mode" is
 * the hotplug code itself (memmap), the read side only keeps pages online. */
static const struct {
	const char *name;
	unsigned contract;
} locks[] = {
	{ "mem_hotplug_lock in write mode", CONTRACT_HOTPLUG_WRITE },
	{ "mem_hotplug_lock held for write", CONTRACT_HOTPLUG_WRITE },
	{ "mem_hotplug_begin", CONTRACT_HOTPLUG_WRITE },
	{ "mem_hotplug_lock", CONTRACT_HOTPLUG },
	{ "get_online_mems", CONTRACT_HOTPLUG },
	{ "page table lock", CONTRACT_LOCK },
	{ "pagetable lock", CONTRACT_LOCK },
	{ "pgtable lock", CONTRACT_LOCK },
	{ "page_table_lock", CONTRACT_LOCK },
	{ "pte lock", CONTRACT_LOCK },
	{ "pmd lock", CONTRACT_LOCK },
	{ "ptl", CONTRACT_LOCK },
	{ "rcu_read_lock", CONTRACT_RCU },
	{ "rcu read lock", CONTRACT_RCU },
	{ "rcu read-side", CONTRACT_RCU },
};

static int word_char(char c)
{
	return isalnum((unsigned char)c) || c == '_';
}

/* needle in s[0, n) as whole words. */
static int has_phrase(const char *s, size_t n, const char *needle)
{
	size_t k = strlen(needle);
	for (size_t i = 0; i + k <= n; i++)
		if (!memcmp(s + i, needle, k) && (i == 0 || !word_char(s[i - 1])) && (i + k == n || !word_char(s[i + k])))
			return 1;
	return 0;
}

static unsigned sentence_contracts(const char *s, size_t n)
{
	int required = 0;
	for (size_t i = 0; i < sizeof(requires) / sizeof(requires[0]) && !required; i++)
		required = has_phrase(s, n, requires[i]);
	if (!required)
		return 0;
	for (size_t i = 0; i < sizeof(forbids) / sizeof(forbids[0]); i++)
		if (has_phrase(s, n, forbids[i]))
			return 0;
	unsigned bits = 0;
	for (size_t i = 0; i < sizeof(locks) / sizeof(locks[0]); i++)
		if (has_phrase(s, n, locks[i].name)) {
			bits |= locks[i].contract;
			if (locks[i].contract == CONTRACT_HOTPLUG_WRITE)
				break; /* not also the read side of the same lock */
		}
	return bits;
}

unsigned comment_contracts_text(const char *comment, size_t len)
{
	/* lower case, comment markers and line breaks folded into spaces */
	char buf[4096];
	size_t n = 0;
	for (size_t i = 0; i < len && n + 1 < sizeof(buf); i++) {
		char c = comment[i];
		if (c == '*' && i + 1 < len && comment[i + 1] == '/')
			break;
		if (c == '\n' || c == '\t' || c == '*' || (c == '/' && i + 1 < len && comment[i + 1] == '*'))
			c = ' ';
		if (c == ' ' && n && buf[n - 1] == ' ')
			continue;
		buf[n++] = (char)tolower((unsigned char)c);
	}
	unsigned bits = 0;
	size_t start = 0;
	for (size_t i = 0; i <= n; i++) {
		/* a sentence ends at ". " or ":" before a line's text, or the end;
		 * "zone->lock" and "mem_hotplug_lock" keep their dots-free form */
		int end = i == n || (buf[i] == '.' && (i + 1 == n || buf[i + 1] == ' ')) || buf[i] == ';';
		if (!end)
			continue;
		bits |= sentence_contracts(buf + start, i - start);
		start = i + 1;
	}
	return bits;
}

unsigned comment_contracts(const struct pl_fn *fn)
{
	CXSourceLocation loc = clang_getRangeStart(clang_getCursorExtent(fn->decl));
	CXFile file;
	unsigned off;
	clang_getFileLocation(loc, &file, NULL, NULL, &off);
	if (!file)
		return 0;
	size_t size = 0;
	const char *text = clang_getFileContents(fn->tu, file, &size);
	if (!text || off > size)
		return 0;
	/* the comment must end right above the declaration: only blanks between */
	size_t i = off;
	while (i > 0 && isspace((unsigned char)text[i - 1]))
		i--;
	if (i < 2 || text[i - 1] != '/' || text[i - 2] != '*')
		return 0;
	size_t end = i;
	size_t j = i - 2;
	while (j >= 2 && !(text[j - 2] == '/' && text[j - 1] == '*'))
		j--;
	if (j < 2)
		return 0;
	return comment_contracts_text(text + j - 2, end - (j - 2));
}
