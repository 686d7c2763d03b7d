/* page-zone-device-unref: ZONE_DEVICE queries on a page nothing keeps alive
 * (seed: Dan Williams' is_zone_device_page() audit - "no protections against
 * the device page being removed (get_dev_pagemap())"). */
#include "checks.h"

#include <stdlib.h>

static void on_use(struct pl_checks_run *run, const struct pl_use *u)
{
	if (!u->rule || !u->rule->device_query || u->val.kind != VK_OBJ)
		return;
	switch (u->val.level) {
	case L_ARBITRARY:
	case L_VALID_ONLY:
	case L_ACTIVE_NORCU:
	case L_RCU_EXPIRED:
	case L_RCU_ACTIVE: /* RCU keeps the memmap, not the device */
		break;
	default:
		return; /* held, pgmap, online (never ZONE_DEVICE), released */
	}
	char *subject = use_subject(u->fn, u->operand);
	char *msg = xasprintf("%s on '%s' without a reference or get_dev_pagemap() for its pfn: the device memory can be "
			      "unplugged and its memmap freed meanwhile",
			      u->what, subject);
	free(subject);
	struct pl_finding f = finding_at(u, "page-zone-device-unref", msg);
	if (u->val.origin_ev >= 0)
		finding_note(u->fn, &f, u->val.origin_ev,
			     xasprintf("page obtained here from %s()", event_callee(u->fn, u->val.origin_ev)));
	if (u->val.end_ev >= 0) {
		finding_note(u->fn, &f, u->val.end_ev,
			     xasprintf("the guarantee ended here with %s()", event_callee(u->fn, u->val.end_ev)));
		note_caller_contract(u->fn, &f, u->val.end_ev);
	}
	findings_add(run->out, &f);
}

const struct pl_check check_zone_device_unref = {
	.id = "page-zone-device-unref",
	.summary = "is_zone_device_page(), page_pgmap(), is_device_private_page() on a page with no reference and no "
		   "pgmap held",
	.on_use = on_use,
};
