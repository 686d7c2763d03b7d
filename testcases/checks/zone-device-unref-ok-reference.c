/*
 * page-zone-device-unref, negative. A reference on the page holds its
 * ZONE_DEVICE pgmap too (the page refcount of a device page pins the pgmap),
 * so the zone-device queries are safe while it is held. Dan Williams' audit
 * (seed pfn-to-online-page-zone-device-rcu-pfn-active):
 * "put_devmap_managed_page(): safe, page reference is held",
 * "is_pci_p2pdma_page(): safe, page reference is held". Three ways to hold
 * one: a FOLL_PIN pin from pin_user_pages_fast(), a FOLL_GET reference from
 * get_user_pages_fast(), and a successful get_page_unless_zero() on a pfn.
 */
#include <linux/mm.h>
#include <linux/memremap.h>

/* <linux/memremap.h> in the kernel; not in the test header. */
extern bool is_pci_p2pdma_page(const struct page *page);

int user_buf_is_p2pdma(unsigned long uaddr)
{
	struct page *page;
	int ret;

	ret = pin_user_pages_fast(uaddr, 1, FOLL_WRITE, &page);
	if (ret <= 0)
		return ret ? ret : -EFAULT;
	ret = is_pci_p2pdma_page(page);
	unpin_user_page(page);
	return ret;
}

bool user_buf_is_device(unsigned long uaddr)
{
	struct page *page;
	bool dev;

	if (get_user_pages_fast(uaddr, 1, 0, &page) <= 0)
		return false;
	dev = is_zone_device_page(page);
	put_page(page);
	return dev;
}

int pfn_device_type_ref(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);
	int type = 0;

	if (!get_page_unless_zero(page))
		return -EBUSY;
	if (is_zone_device_page(page))
		type = page_pgmap(page)->type;
	put_page(page);
	return type;
}
