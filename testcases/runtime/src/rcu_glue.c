// SPDX-License-Identifier: GPL-2.0
/*
 * rcu_glue.c - the only file that includes liburcu.
 *
 * liburcu's headers #define rcu_read_lock & co. to their flavour's names,
 * which would clash with the kernel-named functions in rcu_api.c, so the
 * real library is reached through these wrappers.  The "bulletproof"
 * flavour registers reader threads by itself and copes with thread exit,
 * so fixtures and walkers need no registration calls.
 */
#include <urcu/urcu-bp.h>

void rt_urcu_read_lock(void);
void rt_urcu_read_unlock(void);
void rt_urcu_synchronize(void);

void rt_urcu_read_lock(void) { urcu_bp_read_lock(); }
void rt_urcu_read_unlock(void) { urcu_bp_read_unlock(); }
void rt_urcu_synchronize(void) { urcu_bp_synchronize_rcu(); }
