/*
 * page-netmem-mm, negative: API presence. On Linux 6.1 an skb frag is a
 * bio_vec and skb_frag_page() always returns its struct page; the TU
 * declares no netmem_is_net_iov() and no struct net_iov, so the premise of
 * the check (a frag may be a net_iov look-alike) does not hold and the
 * rules that need that API (`requires:` in rules/consumers.yaml) do not
 * apply. The copy loop is skb_copy_bits() as 6.1 has it. Before API
 * presence this was reported (14 such findings on untriaged 6.1 code,
 * issue 14).
 */
#include <linux/mm.h>
#include <linux/highmem.h>

struct bio_vec {
	struct page *bv_page;
	unsigned int bv_len;
	unsigned int bv_offset;
};
typedef struct bio_vec skb_frag_t;
struct skb_shared_info {
	unsigned char nr_frags;
	skb_frag_t frags[17];
};
struct sk_buff {
	unsigned char *end;
};
#define skb_shinfo(SKB) ((struct skb_shared_info *)((SKB)->end))

static inline struct page *skb_frag_page(const skb_frag_t *frag)
{
	return frag->bv_page;
}

extern void memcpy_chunk(void *dst, const void *src, unsigned int len);

int copy_frags_61(const struct sk_buff *skb, unsigned char *to)
{
	int i;

	for (i = 0; i < skb_shinfo(skb)->nr_frags; i++) {
		const skb_frag_t *frag = &skb_shinfo(skb)->frags[i];
		struct page *page = skb_frag_page(frag);
		unsigned char *vaddr = kmap_local_page(page);

		memcpy_chunk(to, vaddr + frag->bv_offset, frag->bv_len);
		kunmap_local(vaddr);
		get_page(page);
		put_page(page);
		to += frag->bv_len;
	}
	return 0;
}
