/* SPDX-License-Identifier: GPL-2.0 */
/*
 * pagelife test headers: RCU read-side sections. As in the kernel, the
 * rcu_read_lock*() family are static inlines around out-of-line helpers.
 */
#ifndef _LINUX_RCUPDATE_H
#define _LINUX_RCUPDATE_H

#include <linux/compiler.h>

extern void __rcu_read_lock(void);
extern void __rcu_read_unlock(void);
extern void local_bh_disable(void);
extern void local_bh_enable(void);
extern void preempt_disable_notrace(void);
extern void preempt_enable_notrace(void);
extern void synchronize_rcu(void);
extern int rcu_read_lock_held(void);

static __always_inline void rcu_read_lock(void)
{
	__rcu_read_lock();
}

static inline void rcu_read_unlock(void)
{
	__rcu_read_unlock();
}

static inline void rcu_read_lock_bh(void)
{
	local_bh_disable();
}

static inline void rcu_read_unlock_bh(void)
{
	local_bh_enable();
}

static inline void rcu_read_lock_sched(void)
{
	preempt_disable_notrace();
}

static inline void rcu_read_unlock_sched(void)
{
	preempt_enable_notrace();
}

#define rcu_dereference(p)	READ_ONCE(p)
#define rcu_assign_pointer(p, v)	WRITE_ONCE((p), (v))

#endif /* _LINUX_RCUPDATE_H */
