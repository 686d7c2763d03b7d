/* SPDX-License-Identifier: GPL-2.0 */
/* pagelife test headers: compiler helpers in their kernel (macro) forms. */
#ifndef _LINUX_COMPILER_H
#define _LINUX_COMPILER_H

#include <linux/types.h>

#define __always_inline		inline __attribute__((__always_inline__))
#define noinline		__attribute__((__noinline__))
#define __must_check		__attribute__((__warn_unused_result__))
#define __maybe_unused		__attribute__((__unused__))
#define __noreturn		__attribute__((__noreturn__))
#define __section(s)		__attribute__((__section__(s)))
#define __force
#define __rcu
#define __iomem
#define fallthrough		__attribute__((__fallthrough__))

/* The checker sees these as __builtin_expect() calls after expansion. */
#define likely(x)	__builtin_expect(!!(x), 1)
#define unlikely(x)	__builtin_expect(!!(x), 0)

#define barrier()	__asm__ __volatile__("" : : : "memory")

#define __same_type(a, b)	__builtin_types_compatible_p(typeof(a), typeof(b))

/* Strips qualifiers of scalar types, like the kernel's version. */
#define __unqual_scalar_typeof(x) typeof(				\
		_Generic((x),						\
			 char:	(char)0,				\
			 unsigned char:	(unsigned char)0,		\
			 signed char:	(signed char)0,			\
			 unsigned short: (unsigned short)0,		\
			 signed short:	(signed short)0,		\
			 unsigned int:	(unsigned int)0,		\
			 signed int:	(signed int)0,			\
			 unsigned long:	(unsigned long)0,		\
			 signed long:	(signed long)0,			\
			 unsigned long long: (unsigned long long)0,	\
			 signed long long: (signed long long)0,		\
			 default: (x)))

/* A volatile load inside a GNU statement expression. */
#define __READ_ONCE(x)	(*(const volatile __unqual_scalar_typeof(x) *)&(x))
#define READ_ONCE(x)							\
({									\
	_Static_assert(sizeof(x) <= sizeof(long long),			\
		       "Unsupported access size for READ_ONCE().");	\
	__READ_ONCE(x);							\
})

#define __WRITE_ONCE(x, val)						\
do {									\
	*(volatile typeof(x) *)&(x) = (val);				\
} while (0)
#define WRITE_ONCE(x, val)	__WRITE_ONCE(x, val)

#endif /* _LINUX_COMPILER_H */
