/* page-pin-mismatch: FOLL_PIN pins must be released with unpin_user_page*(),
 * FOLL_GET references with put_page() (Documentation/core-api/pin_user_pages.rst:
 * pins are counted with a bias in the refcount). */
#include "checks.h"
#include "fixit.h"

#include <stdlib.h>
#include <string.h>

static void on_release(struct pl_checks_run *run, const struct pl_release *r)
{
	const struct pl_val *v = &r->val;
	if (v->kind != VK_OBJ || v->level == L_RELEASED || v->acquire_ev < 0)
		return;
	const char *msg = NULL;
	if (v->hold == HOLD_PIN && (r->kind == REL_REF || r->kind == REL_FREE))
		msg = "'%s' holds a FOLL_PIN pin from %s() but is released with %s(); release pinned pages with "
		      "unpin_user_page() or unpin_user_pages()";
	else if ((v->hold == HOLD_REF || v->hold == HOLD_OWNED) && r->kind == REL_PIN)
		msg = "'%s' holds a reference from %s(), not a FOLL_PIN pin, but is released with %s(); use put_page() "
		      "(or pin with pin_user_pages())";
	if (!msg)
		return;
	char *subject = use_subject(r->fn, r->operand);
	struct strbuf sb = { 0 };
	sb_addf(&sb, msg, subject, event_callee(r->fn, v->acquire_ev), r->callee);
	free(subject);
	struct pl_finding f = finding_at_event(r->fn, r->ev, v->site, "page-pin-mismatch", sb_take(&sb));
	finding_note(r->fn, &f, v->acquire_ev,
		     xasprintf(v->hold == HOLD_PIN ? "pinned here by %s()" : "reference taken here by %s()",
			       event_callee(r->fn, v->acquire_ev)));
	/* Same arguments, the pin's release: put_page(p) -> unpin_user_page(p). */
	if (v->hold == HOLD_PIN && !strcmp(r->callee, "put_page"))
		fixit_rename_call(r->fn, r->ev, "unpin_user_page", &f);
	else if (v->hold == HOLD_PIN && !strcmp(r->callee, "release_pages"))
		fixit_rename_call(r->fn, r->ev, "unpin_user_pages", &f);
	findings_add(run->out, &f);
}

const struct pl_check check_pin_mismatch = {
	.id = "page-pin-mismatch",
	.summary = "FOLL_PIN pins released with put_page()/release_pages(), or references released with "
		   "unpin_user_page*()",
	.on_release = on_release,
};
