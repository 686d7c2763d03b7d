/* SPDX-License-Identifier: GPL-2.0 */
/*
 * pagelife test headers: memfd. memfd_pin_folios() (6.11, newer than 6.1)
 * pins the folios backing [start, end] of a memfd the way
 * pin_user_pages(FOLL_LONGTERM) would: it first migrates them out of
 * ZONE_MOVABLE / MIGRATE_CMA. Release with unpin_folios(). The declarations
 * repeat <linux/mm.h>'s word for word, so either header may come first.
 */
#ifndef _LINUX_MEMFD_H
#define _LINUX_MEMFD_H

#include <linux/mm.h>
#include <linux/fs.h>

#define F_SEAL_SHRINK	0x0002
#define F_SEAL_GROW	0x0004
#define F_SEAL_WRITE	0x0008

extern long memfd_fcntl(struct file *file, unsigned int cmd, unsigned int arg);
extern long memfd_pin_folios(struct file *memfd, loff_t start, loff_t end,
			     struct folio **folios, unsigned int max_folios,
			     pgoff_t *offset);
extern void unpin_folios(struct folio **folios, unsigned long nfolios);

#endif /* _LINUX_MEMFD_H */
