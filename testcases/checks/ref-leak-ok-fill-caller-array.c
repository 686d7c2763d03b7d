/*
 * page-ref-leak, negative. GUP into an array the caller passed in: the
 * pins land in the caller's memory, and the caller releases them (the
 * vfio_pin_pages()/ib_umem helper split). This function returns the count
 * and keeps nothing. FOLL_LONGTERM: the pins outlive the call.
 */
#include <linux/mm.h>

long pin_for_caller(unsigned long uaddr, unsigned long nr, struct page **pages)
{
	unsigned int gup_flags = FOLL_LONGTERM;

	gup_flags |= FOLL_WRITE;
	return pin_user_pages_unlocked(uaddr, nr, pages, gup_flags);
}

int pin_one_for_caller(unsigned long uaddr, struct page **pagep)
{
	int ret = pin_user_pages_fast(uaddr, 1, FOLL_WRITE | FOLL_LONGTERM, pagep);

	if (ret <= 0)
		return ret ? ret : -EFAULT;
	return 0;
}
