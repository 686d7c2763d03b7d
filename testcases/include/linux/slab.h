/* SPDX-License-Identifier: GPL-2.0 */
/* pagelife test headers: the slab allocator entry points the cases use. */
#ifndef _LINUX_SLAB_H
#define _LINUX_SLAB_H

#include <linux/types.h>
#include <linux/gfp.h>

extern void *kmalloc(size_t size, gfp_t flags);
extern void *kzalloc(size_t size, gfp_t flags);
extern void *kmalloc_array(size_t n, size_t size, gfp_t flags);
extern void *kcalloc(size_t n, size_t size, gfp_t flags);
extern void *kvmalloc_array(size_t n, size_t size, gfp_t flags);
extern void kfree(const void *objp);
extern void kvfree(const void *addr);

#endif /* _LINUX_SLAB_H */
