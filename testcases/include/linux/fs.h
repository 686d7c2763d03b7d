/* SPDX-License-Identifier: GPL-2.0 */
/*
 * pagelife test headers: the part of <linux/fs.h> the longterm cases need:
 * struct file with its page cache mapping, fget()/fput().
 */
#ifndef _LINUX_FS_H
#define _LINUX_FS_H

#include <linux/types.h>
#include <linux/mm_types.h>

struct inode {
	unsigned long i_ino;
	loff_t i_size;
	struct address_space *i_mapping;
};

struct file {
	struct inode *f_inode;
	struct address_space *f_mapping;
	unsigned int f_flags;
	fmode_t f_mode;
	void *private_data;
};

static inline struct inode *file_inode(const struct file *f)
{
	return f->f_inode;
}

extern struct file *fget(unsigned int fd);
extern void fput(struct file *file);

#endif /* _LINUX_FS_H */
