/*
 * page-longterm-movable, positive. The result of shmem_read_mapping_page_gfp()
 * is stored straight into a member and checked there (a driver keeping the
 * first page of its shmem-backed context image mapped for the object's
 * life). The store is the keeping, whatever is checked afterwards. Seed
 * udmabuf-longterm-pins-movable-pages ("pages that have to remain movable
 * unmovable").
 */
#include <linux/mm.h>
#include <linux/shmem_fs.h>

struct ctx_image {
	struct file *filp;
	struct page *head;
};

int ctx_image_pin_head(struct ctx_image *img)
{
	img->head = shmem_read_mapping_page_gfp(img->filp->f_mapping, 0,	/* expect-warning: page-longterm-movable {{a reference to a possibly movable page from shmem_read_mapping_page_gfp() is kept in '->head', which outlives this function}} expect-note: {{reference taken here by shmem_read_mapping_page_gfp() without FOLL_LONGTERM}} */
						 GFP_KERNEL);
	if (IS_ERR(img->head)) {
		int err = PTR_ERR(img->head);

		img->head = NULL;
		return err;
	}
	return 0;
}
