/*
 * page-ref-leak, negative. Ownership transfer by storing the page into
 * memory that outlives the function: a member reached through a pointer
 * parameter, an element of a member array, and a global. Whoever owns that
 * memory releases the page later (the destructor is not in this file).
 * The pages are allocator pages and extra references on the caller's page,
 * not page-cache or GUP pages (those are page-longterm-movable's business).
 */
#include <linux/mm.h>

struct ring {
	struct page *pages[4];
	struct page *spare;
	unsigned int head;
};

static struct page *emergency_page;

int ring_fill(struct ring *ring)
{
	unsigned int i;

	for (i = 0; i < 4; i++) {
		struct page *page = alloc_page(GFP_KERNEL);

		if (!page)
			return -ENOMEM;
		ring->pages[i] = page;
	}
	ring->spare = alloc_page(GFP_KERNEL);
	return ring->spare ? 0 : -ENOMEM;
}

int reserve_emergency(void)
{
	struct page *page = alloc_page(GFP_ATOMIC);

	if (!page)
		return -ENOMEM;
	emergency_page = page;
	return 0;
}

void ring_push(struct ring *ring, struct page *page)
{
	get_page(page);
	ring->pages[ring->head++ & 3] = page;
}
