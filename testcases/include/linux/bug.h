/* SPDX-License-Identifier: GPL-2.0 */
/* pagelife test headers: BUG/WARN in their kernel statement-expression forms. */
#ifndef _LINUX_BUG_H
#define _LINUX_BUG_H

#include <linux/compiler.h>

extern void __warn_printk(const char *fmt, ...);
extern void __bug(const char *file, int line) __noreturn;

#define BUG() do {							\
	__bug(__FILE__, __LINE__);					\
	__builtin_unreachable();					\
} while (0)

#define BUG_ON(condition) do { if (unlikely(condition)) BUG(); } while (0)

#define WARN_ON(condition) ({						\
	int __ret_warn_on = !!(condition);				\
	if (unlikely(__ret_warn_on))					\
		__warn_printk("WARNING at %s:%d\n", __FILE__, __LINE__); \
	unlikely(__ret_warn_on);					\
})

#define WARN(condition, format...) ({					\
	int __ret_warn_on = !!(condition);				\
	if (unlikely(__ret_warn_on))					\
		__warn_printk(format);					\
	unlikely(__ret_warn_on);					\
})

#define WARN_ON_ONCE(condition) ({					\
	static bool __section(".data.once") __already_done;		\
	int __ret_do_once = !!(condition);				\
									\
	if (unlikely(__ret_do_once && !__already_done)) {		\
		__already_done = true;					\
		WARN_ON(1);						\
	}								\
	unlikely(__ret_do_once);					\
})

#define BUILD_BUG_ON(condition) _Static_assert(!(condition), "BUILD_BUG_ON failed: " #condition)

#endif /* _LINUX_BUG_H */
