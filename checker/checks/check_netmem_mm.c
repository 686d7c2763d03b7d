/* page-netmem-mm: a net_iov "page look-alike" handed to mm calls (seed:
 * devmem TCP - "A non-mm owned struct page should not be passed into mm
 * calls"). */
#include "checks.h"

#include <stdlib.h>

static void report(struct pl_checks_run *run, const struct pl_fn *fn, int ev, CXCursor operand, const struct pl_val *v,
		   const char *what)
{
	char *subject = use_subject(fn, operand);
	const struct rule *from = v->origin_ev >= 0 && fn->ev[v->origin_ev].kind == EV_CALL
					  ? fn->calls[fn->ev[v->origin_ev].aux].rule
					  : NULL;
	char *msg = from && from->result_netmem == NETMEM_NULL_IF_NET_IOV
			    ? xasprintf("'%s' is NULL when the frag is a net_iov (%s()); test it, or skb_frags_readable(), "
					"before %s",
					subject, event_callee(fn, v->origin_ev), what)
			    : xasprintf("'%s' may be a net_iov, not a struct page (from %s()); it must not reach %s: check "
					"netmem_is_net_iov() (or skb_frags_readable()) first",
					subject, event_callee(fn, v->origin_ev), what);
	free(subject);
	struct pl_finding f = finding_at_event(fn, ev, v->site, "page-netmem-mm", msg);
	if (v->origin_ev >= 0 && v->origin_ev != ev)
		finding_note(fn, &f, v->origin_ev, xasprintf("page obtained here from %s()", event_callee(fn, v->origin_ev)));
	findings_add(run->out, &f);
}

static void on_use(struct pl_checks_run *run, const struct pl_use *u)
{
	if (u->rule && (u->val.pflags & PF_NETMEM))
		report(run, u->fn, u->ev, u->operand, &u->val, u->what);
}

static void on_release(struct pl_checks_run *run, const struct pl_release *r)
{
	if (!(r->val.pflags & PF_NETMEM))
		return;
	char *what = xasprintf("%s()", r->callee);
	report(run, r->fn, r->ev, r->operand, &r->val, what);
	free(what);
}

const struct pl_check check_netmem_mm = {
	.id = "page-netmem-mm",
	.summary = "a net_iov page look-alike (skb_frag_page(), netmem_to_page()) handed to mm calls",
	.on_use = on_use,
	.on_release = on_release,
};
