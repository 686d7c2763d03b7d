// SPDX-License-Identifier: GPL-2.0
/*
 * rcu_api.c - rcu_read_lock()/rcu_read_unlock()/synchronize_rcu() for
 * fixtures, on top of liburcu (rcu_glue.c), plus the grace-period wait the
 * hotplug code uses before it poisons a memmap.
 *
 * The model also counts readers (m->rcu_readers) so deterministic
 * injection knows when a hot-remove is waiting on the fixture's read side.
 */
#include "rt_internal.h"

#define CALLER __builtin_return_address(0)

void rcu_read_lock(void)
{
	struct rt_machine *m = rt_enter(CALLER, "rcu_read_lock");
	rt_urcu_read_lock();
	if (rt_tls.rcu_depth++ == 0)
		m->rcu_readers++;
	rt_leave(m);
}

void rcu_read_unlock(void)
{
	struct rt_machine *m = rt_enter(CALLER, "rcu_read_unlock");
	if (rt_tls.rcu_depth <= 0) {
		rt_violation(m, RT_V_LOCK_IMBALANCE, RT_NO_PFN, RT_NONE,
			     "rcu_read_unlock() without rcu_read_lock()");
	} else {
		if (--rt_tls.rcu_depth == 0)
			m->rcu_readers--;
		rt_urcu_read_unlock();
		pthread_cond_broadcast(&m->cond);
	}
	rt_leave(m);
}

static void grace_period(struct rt_machine *m, bool honour_skip)
{
	if (rt_tls.rcu_depth > 0) {
		/* would never return: the waiter is its own reader */
		rt_violation(m, RT_V_SLEEP_IN_RCU, RT_NO_PFN, RT_NONE,
			     "waiting for a grace period inside rcu_read_lock()");
		return;
	}
	if (honour_skip && m->cfg.skip_grace_period)
		return;
	rt_actor_phase(m, RT_PH_BLOCKED_GP);
	pthread_mutex_unlock(&m->lock);
	rt_urcu_synchronize();
	pthread_mutex_lock(&m->lock);
	rt_actor_phase(m, RT_PH_RUNNING);
}

/* hotplug's wait; tests can turn it off as a negative control */
void rt_synchronize_rcu_locked(struct rt_machine *m) { grace_period(m, true); }

void synchronize_rcu(void)
{
	struct rt_machine *m = rt_enter(CALLER, "synchronize_rcu");
	grace_period(m, false);
	rt_leave(m);
}
