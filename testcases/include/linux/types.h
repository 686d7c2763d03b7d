/* SPDX-License-Identifier: GPL-2.0 */
/*
 * pagelife test headers: a tiny, freestanding stand-in for the kernel's
 * <linux/types.h>. Written from scratch for the checker's test cases; only
 * the shapes matter (names, signatures, macro forms), not the behaviour.
 */
#ifndef _LINUX_TYPES_H
#define _LINUX_TYPES_H

typedef signed char s8;
typedef unsigned char u8;
typedef short s16;
typedef unsigned short u16;
typedef int s32;
typedef unsigned int u32;
typedef long long s64;
typedef unsigned long long u64;

typedef _Bool bool;
enum { false = 0, true = 1 };

typedef unsigned long size_t;
typedef long ssize_t;
typedef unsigned long uintptr_t;
typedef long long loff_t;

typedef u64 phys_addr_t;
typedef u64 dma_addr_t;
typedef unsigned int gfp_t;
typedef unsigned long pgoff_t;
typedef unsigned int fmode_t;

typedef struct { int counter; } atomic_t;
typedef struct { long counter; } atomic_long_t;

#define NULL ((void *)0)

struct list_head {
	struct list_head *next, *prev;
};

struct callback_head {
	struct callback_head *next;
	void (*func)(struct callback_head *head);
};
#define rcu_head callback_head

#define offsetof(TYPE, MEMBER)	__builtin_offsetof(TYPE, MEMBER)

#endif /* _LINUX_TYPES_H */
