/* SPDX-License-Identifier: GPL-2.0 */
/* pagelife test headers: container_of, min/max and printk in kernel forms. */
#ifndef _LINUX_KERNEL_H
#define _LINUX_KERNEL_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/bug.h>
#include <linux/err.h>

#define ARRAY_SIZE(arr) (sizeof(arr) / sizeof((arr)[0]))

#define container_of(ptr, type, member) ({				\
	void *__mptr = (void *)(ptr);					\
	_Static_assert(__same_type(*(ptr), ((type *)0)->member) ||	\
		       __same_type(*(ptr), void),			\
		       "pointer type mismatch in container_of()");	\
	((type *)(__mptr - offsetof(type, member))); })

/* typeof-based helpers, like the kernel's minmax.h (simplified). */
#define min(x, y) ({							\
	typeof(x) __min1 = (x);						\
	typeof(y) __min2 = (y);						\
	__min1 < __min2 ? __min1 : __min2; })
#define max(x, y) ({							\
	typeof(x) __max1 = (x);						\
	typeof(y) __max2 = (y);						\
	__max1 > __max2 ? __max1 : __max2; })
#define swap(a, b) \
	do { typeof(a) __tmp = (a); (a) = (b); (b) = __tmp; } while (0)

#define ALIGN(x, a)		(((x) + ((typeof(x))(a) - 1)) & ~((typeof(x))(a) - 1))
#define ALIGN_DOWN(x, a)	((x) & ~((typeof(x))(a) - 1))
#define IS_ALIGNED(x, a)	(((x) & ((typeof(x))(a) - 1)) == 0)
#define DIV_ROUND_UP(n, d)	(((n) + (d) - 1) / (d))

extern int _printk(const char *fmt, ...);
#define printk(fmt, ...)	_printk(fmt, ##__VA_ARGS__)
#define pr_info(fmt, ...)	printk(fmt, ##__VA_ARGS__)
#define pr_warn(fmt, ...)	printk(fmt, ##__VA_ARGS__)
#define pr_err(fmt, ...)	printk(fmt, ##__VA_ARGS__)
#define pr_debug(fmt, ...)	do { if (0) printk(fmt, ##__VA_ARGS__); } while (0)

extern void cond_resched(void);

#endif /* _LINUX_KERNEL_H */
