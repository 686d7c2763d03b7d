/* page-unguarded-deref: a page from an arbitrary pfn or physical address is
 * read with nothing keeping its memmap valid (seeds 000, 001, 002). */
#include "checks.h"
#include "fixit.h"

#include <stdlib.h>
#include <string.h>

static void note_origin(const struct pl_use *u, struct pl_finding *f)
{
	if (u->val.origin_ev >= 0)
		finding_note(u->fn, f, u->val.origin_ev,
			     xasprintf("page obtained here from %s()", event_callee(u->fn, u->val.origin_ev)));
}

static void on_use(struct pl_checks_run *run, const struct pl_use *u)
{
	if (u->val.kind != VK_OBJ)
		return;
	if (u->rule && u->rule->device_query)
		return; /* page-zone-device-unref is the specific check */
	if (u->st->depth[SCOPE_MEMMAP] > 0)
		return; /* __init/__meminit: before hotplug, every memmap entry is valid */
	const char *msg;
	switch (u->val.level) {
	case L_ARBITRARY:
		msg = "'%s' comes from an arbitrary pfn and is used by %s without a reference, pin, online check or "
		      "RCU-guarded pfn_active() check";
		break;
	case L_VALID_ONLY:
		msg = "'%s' is used by %s but its pfn was only checked with pfn_valid(), which does not guarantee an "
		      "initialised memmap that stays present; use pfn_to_online_page()";
		break;
	case L_ACTIVE_NORCU:
		msg = "'%s' is used by %s after a pfn_active() check made outside rcu_read_lock(); the memmap can be "
		      "removed concurrently";
		break;
	case L_ONLINE:
		if (run->policy != POLICY_STRICT || u->st->depth[SCOPE_HOTPLUG] > 0)
			return;
		msg = "'%s' from %s() is used by %s without a reference, the hotplug lock or RCU-guarded pfn_active(); "
		      "it can be offlined and removed concurrently (strict policy)";
		break;
	default:
		return;
	}
	char *subject = use_subject(u->fn, u->operand);
	struct strbuf sb = { 0 };
	if (u->val.level == L_ONLINE)
		sb_addf(&sb, msg, subject, event_callee(u->fn, u->val.guard_ev), u->what);
	else
		sb_addf(&sb, msg, subject, u->what);
	char *message = sb_take(&sb);
	free(subject);
	struct pl_finding f = finding_at(u, "page-unguarded-deref", message);
	note_origin(u, &f);
	if (u->val.level == L_VALID_ONLY && u->val.guard_ev != u->val.origin_ev) { /* not inside a helper */
		finding_note(u->fn, &f, u->val.guard_ev,
			     xasprintf("pfn checked only with %s() here", event_callee(u->fn, u->val.guard_ev)));
		/* The test becomes an online test: "if (!pfn_valid(pfn))" ->
		 * "if (!pfn_to_online_page(pfn))", whose NULL result the same
		 * condition tests; under the mainline policy that is the guard. */
		if (run->policy == POLICY_MAINLINE && !strcmp(event_callee(u->fn, u->val.guard_ev), "pfn_valid"))
			fixit_rename_call(u->fn, u->val.guard_ev, "pfn_to_online_page", &f);
	}
	else if (u->val.level == L_ACTIVE_NORCU)
		finding_note(u->fn, &f, u->val.guard_ev,
			     xasprintf("%s() checked here outside an RCU read-side section",
				       event_callee(u->fn, u->val.guard_ev)));
	else if (u->val.level == L_ARBITRARY && u->val.end_ev >= 0) {
		finding_note(u->fn, &f, u->val.end_ev,
			     xasprintf("the guarantee ended here with %s()", event_callee(u->fn, u->val.end_ev)));
		note_caller_contract(u->fn, &f, u->val.end_ev);
	}
	findings_add(run->out, &f);
}

const struct pl_check check_unguarded_deref = {
	.id = "page-unguarded-deref",
	.summary = "a page from an arbitrary pfn or physical address is used with no reference, pin, online check or "
		   "RCU-guarded pfn_active() check",
	.on_use = on_use,
};

