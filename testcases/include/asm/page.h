/* SPDX-License-Identifier: GPL-2.0 */
/* pagelife test headers: page size and the linear map (x86-64-like). */
#ifndef _ASM_PAGE_H
#define _ASM_PAGE_H

#include <linux/types.h>

#define PAGE_SHIFT	12
#define PAGE_SIZE	(1UL << PAGE_SHIFT)
#define PAGE_MASK	(~(PAGE_SIZE - 1))
#define PAGE_OFFSET	((unsigned long)0xffff888000000000UL)

#define __pa(x)		((unsigned long)(x) - PAGE_OFFSET)
#define __va(x)		((void *)((unsigned long)(x) + PAGE_OFFSET))

#endif /* _ASM_PAGE_H */
