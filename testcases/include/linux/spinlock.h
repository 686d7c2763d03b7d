/* Kernel-like spinlocks, for page table lock cases. */
#ifndef _LINUX_SPINLOCK_H
#define _LINUX_SPINLOCK_H

typedef struct spinlock {
	unsigned int slock;
} spinlock_t;

extern void spin_lock(spinlock_t *lock);
extern void spin_unlock(spinlock_t *lock);

#endif
