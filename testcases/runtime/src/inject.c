// SPDX-License-Identifier: GPL-2.0
/*
 * inject.c - fixture runs and deterministic "preemption" injection.
 *
 * Every kernel API call a fixture makes is a preemption point, and so is
 * its end (point N+1 of a fixture that makes N calls).  Run k of an
 * exploration makes call k start an action (hot-remove, offline, device
 * unplug) on another thread and lets that action run as far as it can
 * before the fixture continues: to completion, or until it blocks on
 * something the fixture holds (its RCU read side, the hotplug lock, a page
 * reference or a pgmap reference).  Each later call waits the same way, so
 * once the fixture lets go the action finishes before the fixture's next
 * step.  That is the worst schedule for the fixture, and it is the same on
 * every run: races are found without luck.
 */
#include <stdlib.h>
#include "rt_internal.h"

static bool is_fixture_thread(struct rt_machine *m)
{
	return m->inj.in_fixture && pthread_equal(pthread_self(), m->inj.fixture_thread);
}

void rt_actor_phase(struct rt_machine *m, enum rt_phase ph)
{
	if (!rt_is_actor())
		return;
	m->inj.phase = ph;
	pthread_cond_broadcast(&m->cond);
}

/* Has the action gone as far as it can while the fixture stands still? */
static bool settled(struct rt_machine *m)
{
	struct rt_inject *in = &m->inj;
	if (in->fixture_waiting)
		return true;
	switch (in->phase) {
	case RT_PH_DONE:
		return true;
	case RT_PH_BLOCKED_GP:
		return m->rcu_readers > 0;
	case RT_PH_BLOCKED_HOTPLUG:
		return m->hp_readers > 0 || m->hp_writer;
	case RT_PH_BLOCKED_MIGRATE: {
		int32_t h;
		return m->meta[in->block_pfn].state == RT_P_USED &&
		       !rt_only_migratable(m, in->block_pfn, &h);
	}
	case RT_PH_BLOCKED_PGMAP:
		return rt_pgmap_busy(m, in->block_pgmap);
	default:
		return false;
	}
}

void rt_settle(struct rt_machine *m)
{
	if (!m->inj.actor_started || !is_fixture_thread(m))
		return;
	while (!settled(m))
		pthread_cond_wait(&m->cond, &m->lock);
}

static void *actor_main(void *arg)
{
	struct rt_machine *m = arg;
	rt_tls.actor = true;
	int rc = m->inj.action(m, m->inj.action_arg);
	pthread_mutex_lock(&m->lock);
	m->inj.result = rc;
	m->inj.phase = RT_PH_DONE;
	pthread_cond_broadcast(&m->cond);
	pthread_mutex_unlock(&m->lock);
	return NULL;
}

static void maybe_trigger(struct rt_machine *m, long point)
{
	struct rt_inject *in = &m->inj;
	if (in->trigger_at > 0 && point == in->trigger_at && in->action && !in->actor_started) {
		in->phase = RT_PH_RUNNING;
		if (pthread_create(&in->actor, NULL, actor_main, m) == 0)
			in->actor_started = true;
		else
			in->phase = RT_PH_IDLE;
	}
}

void rt_point(struct rt_machine *m)
{
	if (!is_fixture_thread(m))
		return;
	maybe_trigger(m, ++m->inj.points);
	rt_settle(m);
}

void rt_inject_at(struct rt_machine *m, long k, rt_action_fn action, void *arg)
{
	pthread_mutex_lock(&m->lock);
	m->inj.trigger_at = k;
	m->inj.action = action;
	m->inj.action_arg = arg;
	pthread_mutex_unlock(&m->lock);
}

long rt_points_seen(struct rt_machine *m)
{
	pthread_mutex_lock(&m->lock);
	long n = m->inj.points;
	pthread_mutex_unlock(&m->lock);
	return n;
}

int rt_injected_result(struct rt_machine *m)
{
	pthread_mutex_lock(&m->lock);
	int rc = m->inj.result;
	pthread_mutex_unlock(&m->lock);
	return rc;
}

void rt_fixture_begin(struct rt_machine *m, const char *name)
{
	pthread_mutex_lock(&m->lock);
	m->epoch = ++m->runs;
	m->fixture = name;
	struct rt_inject *in = &m->inj;
	in->points = 0;
	in->in_fixture = true;
	in->fixture_thread = pthread_self();
	in->actor_started = false;
	in->phase = RT_PH_IDLE;
	in->fixture_done = false;
	in->fixture_waiting = false;
	in->result = 0;
	rt_tls.kmap_depth = 0;
	pthread_mutex_unlock(&m->lock);
}

/* Release what a fixture leaked so an injected action can finish. */
static void release_leaked_locks(struct rt_machine *m)
{
	if (rt_tls.rcu_depth > 0) {
		rt_violation(m, RT_V_LEAK, RT_NO_PFN, RT_NONE,
			     "rcu_read_lock() still held at fixture end");
		while (rt_tls.rcu_depth > 0) {
			rt_tls.rcu_depth--;
			rt_urcu_read_unlock();
		}
		m->rcu_readers--;
	}
	if (rt_tls.hp_depth > 0) {
		rt_violation(m, RT_V_LEAK, RT_NO_PFN, RT_NONE,
			     "get_online_mems() still held at fixture end");
		m->hp_readers -= rt_tls.hp_depth;
		rt_tls.hp_depth = 0;
	} else if (rt_tls.hp_depth < 0) {
		rt_violation(m, RT_V_LEAK, RT_NO_PFN, RT_NONE,
			     "mem_hotplug_begin() still held at fixture end");
		rt_tls.hp_depth = 0;
		m->hp_writer = false;
	}
	if (rt_tls.kmap_depth > 0) {
		rt_violation(m, RT_V_LEAK, RT_NO_PFN, RT_NONE,
			     "%d kmap(s) still mapped at fixture end", rt_tls.kmap_depth);
		rt_tls.kmap_depth = 0;
	}
	for (unsigned int s = 0; s < RT_MAX_SECTIONS; s++) {
		struct dev_pagemap *pg = m->pgmaps[s];
		int32_t h;
		while (pg && (h = rt_holder_find(m, pg->holders, RT_KM(RT_H_PGMAP), true)) != RT_NONE &&
		       m->holders[h].epoch == m->epoch)
			rt_pgmap_holder_drop(m, pg, h);
	}
}

void rt_fixture_end(struct rt_machine *m)
{
	pthread_mutex_lock(&m->lock);
	m->site_caller = __builtin_return_address(0);
	m->site_api = "rt_fixture_end";
	/* point N+1 is the fixture's end: what it keeps is held from now on */
	if (is_fixture_thread(m)) {
		maybe_trigger(m, m->inj.points + 1);
		rt_settle(m);
	}
	rt_leak_check(m);
	release_leaked_locks(m);
	struct rt_inject *in = &m->inj;
	in->fixture_done = true;
	pthread_cond_broadcast(&m->cond);
	bool join = in->actor_started;
	while (in->actor_started && in->phase != RT_PH_DONE)
		pthread_cond_wait(&m->cond, &m->lock);
	pthread_mutex_unlock(&m->lock);
	if (join)
		pthread_join(in->actor, NULL);
	pthread_mutex_lock(&m->lock);
	in->in_fixture = false;
	in->actor_started = false;
	m->fixture = NULL;
	m->epoch = 0;                   /* later references are the harness's */
	pthread_mutex_unlock(&m->lock);
}

void rt_run_fixture(struct rt_machine *m, const char *name, rt_fixture_fn fn, void *arg)
{
	rt_fixture_begin(m, name);
	fn(arg);
	rt_fixture_end(m);
}

static struct rt_machine *explore_one(const struct rt_explore *spec, long k,
				      struct rt_explore_result *res)
{
	struct rt_machine *m = spec->setup(spec->setup_arg);
	if (!m)
		return NULL;
	rt_machine_set_current(m);
	if (k > 0) {
		void *arg = spec->action_arg_for ? spec->action_arg_for(m, spec->action_arg)
						 : spec->action_arg;
		rt_inject_at(m, k, spec->action, arg);
	}
	rt_run_fixture(m, spec->name, spec->fixture, spec->fixture_arg);
	res->runs++;
	size_t n = rt_violation_count(m);
	if (n) {
		res->runs_with_violations++;
		if (res->first_violation_point < 0)
			res->first_violation_point = k;
		for (size_t i = 0; i < n; i++) {
			struct rt_violation v;
			if (rt_violation_get(m, i, &v))
				res->kinds |= 1UL << v.kind;
		}
	}
	if (spec->on_run)
		spec->on_run(m, k, spec->on_run_arg);
	return m;
}

int rt_explore_run(const struct rt_explore *spec, struct rt_explore_result *res)
{
	*res = (struct rt_explore_result){ .first_violation_point = -1 };
	struct rt_machine *m = explore_one(spec, 0, res);
	if (!m)
		return -ENOMEM;
	res->points = rt_points_seen(m);
	rt_machine_destroy(m);
	for (long k = 1; k <= res->points + 1; k++) {
		m = explore_one(spec, k, res);
		if (!m)
			return -ENOMEM;
		rt_machine_destroy(m);
	}
	return 0;
}
