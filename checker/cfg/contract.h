/* Caller contracts a function shows in its own text: what holds while
 * its body runs, because its caller or the boot sequence guarantees it. */
#ifndef PAGELIFE_CONTRACT_H
#define PAGELIFE_CONTRACT_H

#include "cfg.h"

enum pl_contract {
	CONTRACT_BOOT = 1, /* __init / __meminit: no memory hotplug yet, every memmap entry is valid */
	CONTRACT_LOCK = 2, /* __must_hold(), lockdep_assert_held(), assert_spin_locked(): a lock is held */
	/* stated in the leading comment only (comment_contract.h) */
	CONTRACT_HOTPLUG_WRITE = 4, /* mem_hotplug_lock in write mode: the hotplug code, on its own range */
	CONTRACT_HOTPLUG = 8,       /* mem_hotplug_lock (read): online pages stay online */
	CONTRACT_RCU = 16,          /* rcu_read_lock() held */
};

/* Read fn->tok (the declaration and body tokens) for the markers above:
 * sets fn->contracts and fn->contract_name (the first marker of each). */
void contracts_find(struct pl_fn *fn);

#endif
