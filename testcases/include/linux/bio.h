/* SPDX-License-Identifier: GPL-2.0 */
/*
 * pagelife test headers: block I/O. bio_add_page() and friends put the page
 * into the bio's bvec table; the bio's completion releases it.
 */
#ifndef _LINUX_BIO_H
#define _LINUX_BIO_H

#include <linux/types.h>
#include <linux/mm_types.h>
#include <linux/gfp.h>

struct block_device;
struct request_queue;

struct bio_vec {
	struct page *bv_page;
	unsigned int bv_len;
	unsigned int bv_offset;
};

struct bio {
	struct bio *bi_next;
	struct block_device *bi_bdev;
	unsigned int bi_opf;
	unsigned short bi_vcnt;
	unsigned short bi_max_vecs;
	struct bio_vec *bi_io_vec;
	void (*bi_end_io)(struct bio *bio);
	void *bi_private;
};

extern struct bio *bio_alloc(struct block_device *bdev, unsigned short nr_vecs,
			     unsigned int opf, gfp_t gfp_mask);
extern void bio_put(struct bio *bio);
extern int bio_add_page(struct bio *bio, struct page *page, unsigned int len,
			unsigned int off);
extern void __bio_add_page(struct bio *bio, struct page *page, unsigned int len,
			   unsigned int off);
extern int bio_add_pc_page(struct request_queue *q, struct bio *bio,
			   struct page *page, unsigned int len, unsigned int offset);
extern void submit_bio(struct bio *bio);
extern int submit_bio_wait(struct bio *bio);

#endif /* _LINUX_BIO_H */
