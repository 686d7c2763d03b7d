/* page-longterm-movable: plain references or non-FOLL_LONGTERM pins of
 * possibly movable pages kept in long-lived objects: they block memory
 * hot-unplug and CMA (seeds: udmabuf, drm-shmem in the Rust page thread). */
#include "checks.h"
#include "fixit.h"

static void on_store(struct pl_checks_run *run, const struct pl_store *s)
{
	const struct pl_val *v = &s->val;
	if (v->kind != VK_OBJ || !(v->pflags & PF_MOVABLE) || !(v->pflags & PF_HELD) || v->acquire_ev < 0)
		return;
	const char *callee = event_callee(s->fn, v->acquire_ev);
	char *msg = xasprintf("a reference to a possibly movable page from %s() is kept in %s, which outlives this "
			      "function; it blocks memory hot-unplug and CMA: pin with FOLL_LONGTERM "
			      "(pin_user_pages(..., FOLL_LONGTERM, ...)) or use memfd_pin_folios()",
			      callee, s->target);
	struct pl_finding f = finding_at_event(s->fn, s->ev, v->site, "page-longterm-movable", msg);
	if (v->acquire_ev != s->ev)
		finding_note(s->fn, &f, v->acquire_ev, xasprintf("reference taken here by %s() without FOLL_LONGTERM", callee));
	/* The GUP call's flags argument gains FOLL_LONGTERM (GUP then migrates the
	 * pages out of ZONE_MOVABLE/CMA first). */
	const struct pl_call *c = s->fn->ev[v->acquire_ev].kind == EV_CALL ? &s->fn->calls[s->fn->ev[v->acquire_ev].aux]
									    : NULL;
	if (c && c->rule && c->rule->gup_flags >= 0 && !c->rule->gup_longterm)
		fixit_append_to_arg(s->fn, v->acquire_ev, c->rule->gup_flags, " | FOLL_LONGTERM", &f);
	findings_add(run->out, &f);
}

const struct pl_check check_longterm_movable = {
	.id = "page-longterm-movable",
	.summary = "references to possibly movable pages (no FOLL_LONGTERM) stored into a long-lived object",
	.on_store = on_store,
};
