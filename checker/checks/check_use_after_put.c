/* page-use-after-put: a page used, or released again, after this code gave
 * back its reference or freed it.  A reference held elsewhere cannot be
 * assumed: after put_page() the page may be freed and reused. */
#include "checks.h"

#include <stdlib.h>

static void notes(const struct pl_fn *fn, const struct pl_val *v, struct pl_finding *f)
{
	if (v->origin_ev >= 0 && fn->ev[v->origin_ev].kind == EV_CALL)
		finding_note(fn, f, v->origin_ev, xasprintf("page obtained here from %s()", event_callee(fn, v->origin_ev)));
	finding_note(fn, f, v->end_ev, xasprintf("reference dropped here"));
}

static void on_use(struct pl_checks_run *run, const struct pl_use *u)
{
	if (u->val.kind != VK_OBJ || u->val.level != L_RELEASED)
		return;
	if (u->rule && u->rule->position_only)
		return; /* the zone and node bits outlive the free: page_zone() after __free_page() */
	char *subject = use_subject(u->fn, u->operand);
	char *msg = xasprintf("'%s' is used by %s after %s() dropped the reference this code held; the page may already "
			      "be freed",
			      subject, u->what, event_callee(u->fn, u->val.end_ev));
	free(subject);
	struct pl_finding f = finding_at(u, "page-use-after-put", msg);
	notes(u->fn, &u->val, &f);
	findings_add(run->out, &f);
}

static void on_release(struct pl_checks_run *run, const struct pl_release *r)
{
	if (r->val.kind != VK_OBJ || r->val.level != L_RELEASED)
		return;
	/* a page array is one abstract value: retry loops refill it (GUP
	 * internals) in ways the model does not see */
	if (r->val.pflags & PF_ARRAY)
		return;
	/* a caller's page released by this same call on an earlier round of a
	 * loop (`while (refs--) put_page(page)`): the caller handed in that many
	 * references, which this code cannot count */
	if (r->val.site == r->ev)
		return;
	char *subject = use_subject(r->fn, r->operand);
	char *msg = xasprintf("'%s' is released again by %s() after %s() already dropped this code's reference (double put)",
			      subject, r->callee, event_callee(r->fn, r->val.end_ev));
	free(subject);
	struct pl_finding f = finding_at_event(r->fn, r->ev, r->val.site, "page-use-after-put", msg);
	notes(r->fn, &r->val, &f);
	findings_add(run->out, &f);
}

const struct pl_check check_use_after_put = {
	.id = "page-use-after-put",
	.summary = "a page or folio used or released again after this code dropped its reference or pin, or freed it",
	.on_use = on_use,
	.on_release = on_release,
};
