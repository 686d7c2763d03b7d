/* Text form of a CFG, for unit tests and `pagelife --dump-cfg`. */
#include "cfg.h"
#include "lattice.h"

static const char *ev_name(int k)
{
	switch (k) {
	case EV_CALL: return "call";
	case EV_ASSIGN: return "assign";
	case EV_UPDATE: return "update";
	case EV_DEREF: return "deref";
	case EV_COPY: return "copy";
	case EV_RESET: return "reset";
	case EV_RETURN: return "return";
	default: return "?";
	}
}

void cfg_dump(const struct pl_fn *fn, FILE *out)
{
	fprintf(out, "function %s: %zu blocks, entry B%d, exit B%d\n", fn->name, fn->nblk, fn->entry, fn->exit);
	if (fn->entry_callers) {
		fprintf(out, "caller contract:");
		for (int s = SCOPE_NONE + 1; s < SCOPE__COUNT; s++)
			if (fn->entry_depth[s])
				fprintf(out, " %s", rule_scope_name((enum rule_scope)s));
		for (int a = 0; a < 8; a++)
			if (fn->entry_arg_level[a])
				fprintf(out, " arg%d=%s", a, pl_level_name((enum pl_level)fn->entry_arg_level[a]));
		fprintf(out, " (held at every call in this file: %s)\n", fn->entry_callers);
	}
	if (fn->caller_holds_slot) {
		fprintf(out, "callback %s: the caller holds arguments", fn->caller_holds_slot);
		for (int a = 0; a < 32; a++)
			if ((fn->caller_holds >> a) & 1)
				fprintf(out, " %d", a);
		fprintf(out, "\n");
	}
	for (size_t i = 0; i < fn->nblk; i++) {
		const struct pl_block *bl = &fn->blk[i];
		fprintf(out, "B%zu:", i);
		for (size_t j = 0; j < bl->nev; j++) {
			const struct pl_event *e = &fn->ev[bl->ev[j]];
			fprintf(out, " %s", ev_name(e->kind));
			if (e->kind == EV_CALL)
				fprintf(out, "(%s)", fn->calls[e->aux].name);
			else if (e->slot >= 0 && fn->slots[e->slot].name)
				fprintf(out, "(%s)", fn->slots[e->slot].name);
		}
		fprintf(out, " ->");
		for (size_t j = 0; j < bl->nsucc; j++)
			fprintf(out, " %sB%d", bl->is_branch ? (j == 0 ? "T:" : "F:") : "", bl->succ[j]);
		fprintf(out, "\n");
	}
}
