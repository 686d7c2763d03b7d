/* Caller contracts from visible evidence.  The kernel's markers are macros
 * that expand to nothing a libclang AST shows (__must_hold() is empty
 * unless __CHECKER__, __init is a section attribute, lockdep_assert_held()
 * is a do-while or nothing without CONFIG_LOCKDEP), so they are read from
 * the function's tokens: attributes before the body's first '{', asserts
 * anywhere in the body. */
#include "contract.h"
#include "comment_contract.h"

#include <string.h>

struct marker {
	const char *name;
	enum pl_contract contract;
	int in_body; /* 0: in the declaration, 1: a statement of the body */
};

static const struct marker markers[] = {
	{ "__init", CONTRACT_BOOT, 0 },
	{ "__meminit", CONTRACT_BOOT, 0 },
	{ "__must_hold", CONTRACT_LOCK, 0 },
	{ "lockdep_assert_held", CONTRACT_LOCK, 1 },
	{ "lockdep_assert_held_write", CONTRACT_LOCK, 1 },
	{ "lockdep_assert_held_read", CONTRACT_LOCK, 1 },
	{ "lockdep_assert_held_once", CONTRACT_LOCK, 1 },
	{ "assert_spin_locked", CONTRACT_LOCK, 1 },
};

void contracts_find(struct pl_fn *fn)
{
	int in_body = 0;
	fn->contracts |= comment_contracts(fn);
	for (size_t i = 0; i < fn->ntok; i++) {
		const char *t = fn->tok[i].text;
		if (!t)
			continue;
		if (!in_body && !strcmp(t, "{")) {
			in_body = 1;
			continue;
		}
		if (fn->tok[i].kind != CXToken_Identifier)
			continue;
		for (size_t m = 0; m < sizeof(markers) / sizeof(markers[0]); m++)
			if (markers[m].in_body == in_body && !strcmp(t, markers[m].name) &&
			    !(fn->contracts & markers[m].contract)) {
				fn->contracts |= markers[m].contract;
				fn->contract_tok[markers[m].contract == CONTRACT_BOOT ? 0 : 1] = (long)i;
			}
	}
}
