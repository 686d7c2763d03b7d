/* page-rcu-escape: a page whose memmap was kept active only by the RCU
 * pfn_active() protocol is used after the read-side section ended (seed 002). */
#include "checks.h"

#include <stdlib.h>

static void on_use(struct pl_checks_run *run, const struct pl_use *u);

const struct pl_check check_rcu_escape = {
	.id = "page-rcu-escape",
	.summary = "a page validated by pfn_active() under rcu_read_lock() is used after rcu_read_unlock() without a "
		   "reference taken inside",
	.on_use = on_use,
};

static void on_use(struct pl_checks_run *run, const struct pl_use *u)
{
	if (u->val.kind != VK_OBJ || u->val.level != L_RCU_EXPIRED)
		return;
	/* pfn_to_online_page() under RCU stays a mainline guarantee afterwards */
	if (u->val.floor == L_ONLINE && run->policy == POLICY_MAINLINE)
		return;
	char *subject = use_subject(u->fn, u->operand);
	char *message = xasprintf("'%s' is used by %s after rcu_read_unlock() ended the RCU read-side section that kept its "
			     "memmap active; take a reference inside the section",
			     subject, u->what);
	free(subject);
	struct pl_finding f = finding_at(u, check_rcu_escape.id, message);
	if (u->val.origin_ev >= 0)
		finding_note(u->fn, &f, u->val.origin_ev,
			     xasprintf("page obtained here from %s()", event_callee(u->fn, u->val.origin_ev)));
	if (u->val.guard_ev >= 0 && u->val.guard_ev != u->val.origin_ev)
		finding_note(u->fn, &f, u->val.guard_ev,
			     xasprintf("pfn checked with %s() here", event_callee(u->fn, u->val.guard_ev)));
	if (u->val.end_ev >= 0) {
		finding_note(u->fn, &f, u->val.end_ev, xasprintf("RCU read-side section ended here"));
		note_caller_contract(u->fn, &f, u->val.end_ev);
	}
	findings_add(run->out, &f);
}
