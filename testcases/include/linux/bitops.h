/* SPDX-License-Identifier: GPL-2.0 */
/* pagelife test headers: the bit operations page flags are built on. */
#ifndef _LINUX_BITOPS_H
#define _LINUX_BITOPS_H

#include <linux/types.h>

#define BITS_PER_LONG	64
#define BIT(nr)		(1UL << (nr))

static inline bool test_bit(long nr, const volatile unsigned long *addr)
{
	return 1UL & (addr[nr / BITS_PER_LONG] >> (nr & (BITS_PER_LONG - 1)));
}

static inline void set_bit(long nr, volatile unsigned long *addr)
{
	addr[nr / BITS_PER_LONG] |= 1UL << (nr & (BITS_PER_LONG - 1));
}

static inline void clear_bit(long nr, volatile unsigned long *addr)
{
	addr[nr / BITS_PER_LONG] &= ~(1UL << (nr & (BITS_PER_LONG - 1)));
}

#endif /* _LINUX_BITOPS_H */
